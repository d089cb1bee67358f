"""ulogd_plain.py IN OUT: make ulogd2's mysql-ulogd2-flat.sql plain for the corpus loader (listed in
ulogd2/PROVENANCE.md): drop every `delimiter $$ ... delimiter ;` block (functions BIN_TO_IPV6, INSERT_CT and
procedures PACKET_ADD_NUFW, DELETE_PACKET, DELETE_CT_FLOW), the `DROP FUNCTION/PROCEDURE IF EXISTS` lines, and the
views calling BIN_TO_IPV6 (view_tcp_quad, view_udp_quad) with their `DROP VIEW IF EXISTS`. The rest is verbatim."""
import re, sys
lines = open(sys.argv[1]).read().split("\n")
out, i, dropped = [], 0, []
while i < len(lines):
    l = lines[i]
    if re.match(r"\s*delimiter\s+\$\$", l, re.I):
        j = i
        while not re.match(r"\s*delimiter\s+;", lines[j], re.I):
            j += 1
        dropped.append("lines %d-%d (delimiter block)" % (i + 1, j + 1))
        out.append("-- (corpus) routine block removed (lines %d-%d of the upstream file)" % (i + 1, j + 1))
        i = j + 1
        continue
    if re.match(r"\s*DROP\s+(FUNCTION|PROCEDURE)\s+IF\s+EXISTS", l, re.I):
        dropped.append(l)
        out.append("-- (corpus) removed: " + l)
        i += 1
        continue
    m = re.match(r"\s*CREATE\s+(SQL SECURITY INVOKER\s+)?VIEW\s+`?(\w+)`?", l, re.I)
    if m:
        j = i
        while not lines[j].rstrip().endswith(";"):
            j += 1
        stmt = "\n".join(lines[i:j + 1])
        if "BIN_TO_IPV6" in stmt:
            if out and re.match(r"\s*DROP VIEW IF EXISTS", out[-1], re.I):
                out[-1] = "-- (corpus) removed: " + out[-1]
            out.append("-- (corpus) view %s removed (calls the removed function BIN_TO_IPV6)" % m.group(2))
            dropped.append("view " + m.group(2))
            i = j + 1
            continue
    out.append(l)
    i += 1
open(sys.argv[2], "w").write("\n".join(out))
for d in dropped:
    print("removed:", d)
