#!/usr/bin/env python3
"""Emit SQL that generates a table of N realistic CRM notes (40-300 characters, about 5 %
forbidden) from the labelled corpus, and a naive regex query per lexicon category.

usage: bench-free-text.py generate N > notes.sql
       bench-free-text.py naive [postgres|mysql] > naive.sql
"""
import sys, tomllib, pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent

def corpus():
    ok, bad = [], []
    for f in ["tune-fr.tsv", "tune-en.tsv"]:
        for line in (root / "testdata/comments" / f).read_text().splitlines():
            if "\t" not in line:
                continue
            label, text = line.split("\t", 1)
            (ok if label == "ok" else bad).append(text)
    return ok, bad

def lit(s):
    return "'" + s.replace("'", "''") + "'"

def generate(n):
    ok, bad = corpus()
    print("SELECT setseed(0.7);")
    print("DROP TABLE IF EXISTS notes;")
    print("CREATE TABLE notes (id integer PRIMARY KEY, commentaire text);")
    print(f"CREATE TEMP TABLE ok_lines AS SELECT * FROM unnest(ARRAY[{','.join(lit(s) for s in ok)}]) WITH ORDINALITY AS t(s, i);")
    print(f"CREATE TEMP TABLE bad_lines AS SELECT * FROM unnest(ARRAY[{','.join(lit(s) for s in bad)}]) WITH ORDINALITY AS t(s, i);")
    print("ALTER TABLE ok_lines ADD PRIMARY KEY (i); ALTER TABLE bad_lines ADD PRIMARY KEY (i);")
    print("ANALYZE ok_lines; ANALYZE bad_lines;")
    # One or two clean sentences, and a forbidden one in about 5 % of the notes.
    print(f"""
INSERT INTO notes
SELECT g, left(
  (SELECT s FROM ok_lines WHERE i = 1 + (g::bigint * 7919) % {len(ok)})
  || CASE WHEN g % 3 = 0 THEN ' ' || (SELECT s FROM ok_lines WHERE i = 1 + (g::bigint * 104729) % {len(ok)}) ELSE '' END
  || CASE WHEN g % 20 = 7 THEN ' ' || (SELECT s FROM bad_lines WHERE i = 1 + (g::bigint * 1299709) % {len(bad)}) ELSE '' END,
  300)
FROM generate_series(1, {n}) g;
ANALYZE notes;""")

def mysql_lit(s):
    # MySQL string literals read backslash escapes: the regex's backslashes are doubled.
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"

def naive(dialect="postgres"):
    if dialect == "mysql":
        # The column's collation is case-insensitive; (?-i) makes PCRE/ICU match case.
        ci = lambda p: f"commentaire REGEXP {mysql_lit(p)}"
        cs = lambda p: f"commentaire REGEXP {mysql_lit('(?-i)' + p)}"
    else:
        ci = lambda p: f"commentaire ~* {lit(p)}"
        cs = lambda p: f"commentaire ~ {lit(p)}"
    cats = {}
    for f in ["fr.toml", "en.toml"]:
        data = tomllib.loads((root / "rules/lexicons" / f).read_text())
        for group in data.get("group", []):
            cat = group["category"]
            for t in group.get("terms", []):
                term = t if isinstance(t, str) else t["term"]
                forms = [term] + ([] if isinstance(t, str) else t.get("forms", []))
                for form in forms:
                    cats.setdefault(cat, set()).add(re.escape(form.rstrip("*")))
    for cat, forms in sorted(cats.items()):
        pattern = "|".join(sorted(forms))
        print(f"SELECT '{cat}', count(*) FROM notes WHERE {ci(pattern)};")
    # identifiers by pattern alone, as a naive audit does
    for cat, pattern in [("nir", r"[12][0-9]{2}[0-1][0-9][0-9AB]{2}[0-9]{6}[0-9]{2}"), ("iban", r"[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,30}"),
                         ("card", r"[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}"), ("phone", r"0[1-9]([ .-]?[0-9]{2}){4}"),
                         ("email", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]:
        print(f"SELECT '{cat}', count(*) FROM notes WHERE {cs(pattern)};")

if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(int(sys.argv[2]))
    else:
        naive(sys.argv[2] if len(sys.argv) > 2 else "postgres")
