"""strip_routines.py FILE: remove CREATE LANGUAGE, CREATE FUNCTION and CREATE TRIGGER statements in place
(the corpus loader takes plain statements only). Prints what it removed."""
import re, sys
path = sys.argv[1]
lines = open(path).read().split("\n")
out, i, removed = [], 0, []
while i < len(lines):
    l = lines[i]
    if re.match(r"\s*create\s+(or\s+replace\s+)?(procedural\s+)?language\b", l, re.I):
        removed.append(l.strip()); i += 1; continue
    m = re.match(r"\s*create\s+(or\s+replace\s+)?(function|trigger)\b", l, re.I)
    if m:
        kind = m.group(2).lower()
        j = i
        body = []
        while j < len(lines):
            body.append(lines[j])
            t = lines[j].strip()
            if kind == "function" and re.search(r"language\s+'?\w+'?\s*(\w+\s*)*;\s*$", t, re.I) and j >= i:
                break
            if kind == "trigger":
                if re.search(r"\bbegin\b", " ".join(body), re.I):
                    if re.match(r"end\s*;", t, re.I):
                        break
                elif t.endswith(";"):
                    break
            j += 1
        removed.append(body[0].strip()[:90])
        i = j + 1
        continue
    out.append(l)
    i += 1
open(path, "w").write("\n".join(out))
for r in removed:
    print("removed from %s: %s" % (path.split('/')[-2] + '/' + path.split('/')[-1], r))
