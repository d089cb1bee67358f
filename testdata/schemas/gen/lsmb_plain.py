"""lsmb_plain.py IN OUT: turn LedgerSMB's sql/Pg-database.sql (a psql script) into plain statements for the corpus
loader. Every change is listed in ledgersmb/PROVENANCE.md:
  * the enclosing BEGIN;/COMMIT; are dropped;
  * CREATE FUNCTION / CREATE AGGREGATE / CREATE TRIGGER (and their COMMENT ON FUNCTION / AGGREGATE) are dropped (routines);
  * CREATE VIEW statements using one of those routines (and their COMMENT ON VIEW) are dropped;
  * the two column DEFAULTs calling the dropped function person__get_my_entity_id() are dropped;
  * each COPY ... FROM stdin block (seed data, psql-only syntax) becomes one INSERT per data line;
  * a dollar-quoted COMMENT text is written as one standard string on one line (newlines -> spaces), so every
    statement ends at the end of a line that ends with ';'.
Statements are otherwise copied as upstream wrote them."""
import re, sys

src = open(sys.argv[1]).read()


def split(src):
    """Yield (kind, text) with kind 'stmt' or 'copydata'; honours '...' strings, $tag$ quotes and -- comments."""
    i, n, start = 0, len(src), 0
    while i < n:
        ch = src[i]
        if src.startswith("--", i):
            j = src.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if ch == "'":
            i += 1
            while i < n:
                if src[i] == "'" and src.startswith("''", i):
                    i += 2
                    continue
                if src[i] == "'":
                    break
                i += 1
            i += 1
            continue
        m = re.match(r"\$(\w*)\$", src[i:i + 40])
        if m:
            tag = m.group(0)
            j = src.find(tag, i + len(tag))
            i = j + len(tag)
            continue
        if ch == ";":
            stmt = src[start:i + 1]
            yield "stmt", stmt
            i += 1
            if re.search(r"\bFROM\s+stdin\b", stmt, re.I):
                j = src.find("\n\\.", i)
                yield "copydata", src[i:j + 1]
                i = j + 3
            start = i
            continue
        i += 1
    if src[start:].strip():
        yield "stmt", src[start:]


def strip_comments(s):
    return "\n".join(l for l in s.split("\n") if not l.strip().startswith("--")).strip()


out, dropped, last_copy = [], [], None
dropped_funcs, dropped_views = set(), set()
for kind, text in split(src):
    if kind == "copydata":
        table, cols, delim = last_copy
        for line in text.strip("\n").split("\n"):
            if not line.strip():
                continue
            vals = line.split(delim)
            lit = ["NULL" if v == "\\N" else "'%s'" % v.replace("\\t", "\t").replace("'", "''") for v in vals]
            out.append("INSERT INTO %s%s VALUES (%s);" % (table, " (%s)" % cols if cols else "", ", ".join(lit)))
        continue
    lead = text[: len(text) - len(text.lstrip())]
    body = strip_comments(text)
    if not body:
        out.append(text.strip("\n"))
        continue
    head = body[:200].lower()
    if re.match(r"(begin|commit)\s*;", head):
        dropped.append(body.split("\n")[0])
        continue
    m = re.match(r"create\s+(or\s+replace\s+)?function\s+([\w.]+)", head)
    if m:
        dropped_funcs.add(m.group(2))
        dropped.append(body.split("\n")[0][:100])
        continue
    m = re.match(r"create\s+aggregate\s+([\w.]+)", head)
    if m:
        dropped_funcs.add(m.group(1))
    if re.match(r"create\s+(constraint\s+)?trigger\b|create\s+aggregate\b", head):
        dropped.append(body.split("\n")[0][:100])
        continue
    m = re.match(r"comment\s+on\s+(function|aggregate)\s+([\w.]+)", head)
    if m:
        dropped.append(body.split("\n")[0][:100])
        continue
    m = re.match(r"copy\s+([\w.\"]+)\s*(\(([^)]*)\))?\s+from\s+stdin(\s+with\s+delimiter\s+'(.)')?", body, re.I)
    if m:
        last_copy = (m.group(1), m.group(3), m.group(5) or "\t")
        out.append("-- (corpus) was: %s" % " ".join(body.split()))
        continue
    uses = [f for f in dropped_funcs if re.search(r"\b%s\s*\(" % re.escape(f), body, re.I) and f != "person__get_my_entity_id"]
    if uses and re.match(r"create\s+(or\s+replace\s+)?view\b", head):
        dropped.append(body.split("\n")[0][:100] + "   (uses %s)" % ", ".join(sorted(uses)))
        dropped_views.add(re.match(r"create\s+(or\s+replace\s+)?view\s+([\w.]+)", head).group(2))
        continue
    m = re.match(r"(comment\s+on\s+view|grant\s+.*\s+on)\s+([\w.]+)", head)
    if m and m.group(2) in dropped_views:
        dropped.append(body.split("\n")[0][:100])
        continue
    if uses:
        print("WARNING: statement uses a dropped routine:", body[:120])
    if re.match(r"comment\s+on\b", head):
        m = re.match(r"(comment\s+on\s+.*?\s+is\s+)\$(\w*)\$(.*)\$\2\$\s*;\s*$", body, re.I | re.S)
        if m:
            text = lead + "%s'%s';" % (" ".join(m.group(1).split()) + " ", " ".join(m.group(3).split()).replace("'", "''"))
    text = text.replace("DEFAULT person__get_my_entity_id()", "").replace("default person__get_my_entity_id()", "")
    out.append(text.strip("\n"))
open(sys.argv[2], "w").write("-- LedgerSMB sql/Pg-database.sql made plain by gen/lsmb_plain.py (see PROVENANCE.md)\n" + "\n".join(out) + "\n")
for d in dropped:
    print("dropped:", d)
