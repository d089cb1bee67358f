"""my2pg.py IN OUT: hand-rolled, minimal MySQL -> PostgreSQL conversion used for phpMyAdmin's create_tables.sql
(upstream ships MySQL only). Each rule is listed in phpmyadmin/PROVENANCE.md. Names/types kept as close as PG allows."""
import re, sys
src = open(sys.argv[1]).read()
out = []
for stmt in re.split(r";\s*\n", src):
    s = stmt.strip()
    if not s:
        continue
    s = "\n".join(l for l in s.split("\n") if not l.strip().startswith("--")).strip()
    if not s:
        continue
    m = re.match(r"CREATE TABLE IF NOT EXISTS `(\w+)` \((.*)\)\s*(.*)$", s, re.S)
    if not m:
        out.append(s + ";")
        continue
    tname, body, opts = m.groups()
    cm = re.search(r"COMMENT='((?:[^']|'')*)'", opts)
    cols, idx = [], []
    for line in re.split(r",\s*\n", body):
        l = line.strip()
        km = re.match(r"(UNIQUE )?KEY `(\w+)` \((.*)\)", l)
        if km:
            if km.group(1):
                cols.append("  CONSTRAINT \"%s_%s\" UNIQUE (%s)" % (tname, km.group(2), km.group(3).replace("`", '"')))
            else:
                idx.append('CREATE INDEX "%s_%s" ON "%s" (%s);' % (tname, km.group(2), tname, km.group(3).replace("`", '"')))
            continue
        l = l.replace("`", '"')
        l = re.sub(r"\s+COLLATE \w+", "", l)
        l = re.sub(r"\b(big)?int\(\d+\) unsigned NOT NULL auto_increment", lambda x: ("bigserial" if x.group(1) else "serial") + " NOT NULL", l, flags=re.I)
        l = re.sub(r"\bbigint\(\d+\)( unsigned)?", "bigint", l)
        l = re.sub(r"\bint\(\d+\)( unsigned)?", "integer", l)
        l = re.sub(r"\bfloat unsigned", "real", l)
        l = re.sub(r"\blongtext\b|\bmediumtext\b", "text", l)
        l = re.sub(r"\bdatetime\b", "timestamp", l)
        l = re.sub(r"\s+ON UPDATE CURRENT_TIMESTAMP", "", l, flags=re.I)
        l = re.sub(r"\benum\(([^)]*)\)", lambda x: "varchar(%d) CHECK (\"%s\" IN (%s))" % (max(len(v) for v in re.findall(r"'([^']*)'", x.group(1))), l.split('"')[1], x.group(1)), l)
        l = re.sub(r"\bset\(([^)]*)\)", "varchar(255)", l)
        l = re.sub(r"\bboolean\b", "boolean", l)
        cols.append("  " + l)
    out.append('CREATE TABLE IF NOT EXISTS "%s" (\n%s\n);' % (tname, ",\n".join(cols)))
    if cm:
        out.append('COMMENT ON TABLE "%s" IS \'%s\';' % (tname, cm.group(1)))
    out.extend(idx)
open(sys.argv[2], "w").write("-- phpMyAdmin configuration storage, hand-converted from sql/create_tables.sql (MySQL) by gen/my2pg.py\n" + "\n".join(out) + "\n")
