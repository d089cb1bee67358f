"""Assign each app to a half at random: python random, seed 19, over the sorted app list, half each
(first half of the shuffled list = tune, rest = blind). Decided before anything is scored."""
import os, random
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# apps added later, written blind too: all of them form a third half, blind2 (tune and blind stay as they were)
BLIND2 = ["icingaweb2", "jabberd2", "ledgersmb", "opendmarc", "ulogd2", "zoneminder"]
apps = sorted(d for d in os.listdir(ROOT) if os.path.isfile(os.path.join(ROOT, d, "labels.tsv")) and d not in BLIND2)
rng = random.Random(19)
shuffled = apps[:]
rng.shuffle(shuffled)
k = len(apps) // 2
tune, blind = sorted(shuffled[:k]), sorted(shuffled[k:])
with open(os.path.join(ROOT, "split.toml"), "w") as fh:
    fh.write("# random.Random(19).shuffle(sorted(apps)); first len//2 = tune, the rest = blind (gen/split.py)\n")
    fh.write("tune = [%s]\n" % ", ".join('"%s"' % a for a in tune))
    fh.write("blind = [%s]\n" % ", ".join('"%s"' % a for a in blind))
    fh.write("# added later, written blind (labels decided before any score on them); none of them tuned on\n")
    fh.write("blind2 = [%s]\n" % ", ".join('"%s"' % a for a in BLIND2))
print(open(os.path.join(ROOT, "split.toml")).read())
