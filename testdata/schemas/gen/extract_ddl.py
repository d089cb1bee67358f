"""extract_ddl.py README OUT: pull the CREATE TABLE / CREATE [UNIQUE] INDEX statements (verbatim, with their inline
comments) out of a documentation file such as amavisd-new's README.sql-pg; prose, GRANTs and example queries are left out."""
import os, re, sys
lines = open(sys.argv[1]).read().split("\n")
if len(sys.argv) > 3:  # only the schema section (upstream repeats a few CREATE INDEX lines later in housekeeping examples)
    lines = lines[:int(sys.argv[3])]
out, i = [], 0
while i < len(lines):
    if re.match(r"CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX)\b", lines[i], re.I):
        j = i
        while j < len(lines) and not re.search(r";\s*$", lines[j].split("--")[0]):
            j += 1
        stmt = lines[i:j + 1]
        # loader rule (one statement ends where a line ends with ';'): a comment line inside the statement that ends
        # with ';' gets that ';' turned into ',', and a comment trailing the final ';' is moved above the statement
        stmt = [re.sub(r";\s*$", ",", l) if l.strip().startswith("--") else l for l in stmt[:-1]] + [stmt[-1]]
        m = re.match(r"(.*;)\s*(--.*)$", stmt[-1])
        if m:
            out.append(m.group(2).strip())
            stmt[-1] = m.group(1)
        out.extend(stmt)
        out.append("")
        i = j + 1
    else:
        i += 1
open(sys.argv[2], "w").write("-- extracted from amavisd-new %s(.gz) by gen/extract_ddl.py\n" % os.path.basename(sys.argv[1]) + "\n".join(out))
