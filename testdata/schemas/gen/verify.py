"""Load every app into fresh scratch DBs (PostgreSQL, MariaDB, SQLite when shipped), abort-on-error,
compare the live catalogue with labels.tsv, print a summary, drop the scratch DBs."""
import os, re, sqlite3, subprocess, sys, tempfile
try:
    import tomllib
except ImportError:
    tomllib = None
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-X", "-q"]
MY = ["mariadb", "-uroot", "-h", "127.0.0.1"]


def run(cmd, inp=None):
    r = subprocess.run(cmd, input=inp, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def apps():
    only = set(sys.argv[1:])  # optional: verify only the apps named on the command line
    return sorted(d for d in os.listdir(ROOT) if os.path.isfile(os.path.join(ROOT, d, "labels.tsv")) and (not only or d in only))


def load_pg(app, db):
    run(PSQL + ["-d", "postgres", "-c", "DROP DATABASE IF EXISTS %s" % db])
    run(PSQL + ["-d", "postgres", "-c", "CREATE DATABASE %s" % db])
    for f in ("schema.pg.sql", "rows.pg.sql"):
        rc, _, err = run(PSQL + ["-d", db, "-v", "ON_ERROR_STOP=1", "-f", os.path.join(ROOT, app, f)])
        if rc:
            return "%s: %s" % (f, err.strip()[:300])
    return None


def cols_pg(db):
    rc, out, _ = run(PSQL + ["-d", db, "-At", "-F", "\t", "-c", """select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema=c.table_schema and t.table_name=c.table_name and t.table_type='BASE TABLE'
        where c.table_schema='public'"""])
    return {tuple(x.lower() for x in l.split("\t")) for l in out.splitlines() if l}


def rows_pg(db):
    rc, out, _ = run(PSQL + ["-d", db, "-At", "-c", "select sum(n_live_tup) from pg_stat_user_tables"])
    return out.strip()


def load_my(app, db):
    run(MY + ["-e", "DROP DATABASE IF EXISTS %s; CREATE DATABASE %s" % (db, db)])
    for f in ("schema.mysql.sql", "rows.mysql.sql"):
        rc, _, err = run(MY + [db], open(os.path.join(ROOT, app, f)).read())
        if rc:
            return "%s: %s" % (f, err.strip()[:300])
    return None


def cols_my(db):
    rc, out, _ = run(MY + ["-N", "-B", "-e", """select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t
        on t.table_schema=c.table_schema and t.table_name=c.table_name and t.table_type='BASE TABLE' where c.table_schema='%s'""" % db])
    return {tuple(x.lower() for x in l.split("\t")) for l in out.splitlines() if l}


def load_sqlite(app, path):
    for f in ("schema.sqlite.sql", "rows.sqlite.sql"):
        rc, _, err = run(["sqlite3", "-bail", path], open(os.path.join(ROOT, app, f)).read())
        if rc:
            return "%s: %s" % (f, err.strip()[:300])
    return None


def cols_sqlite(path):
    con = sqlite3.connect(path)
    s = set()
    for (t,) in con.execute("select name from sqlite_master where type='table' and name not like 'sqlite_%'"):
        for r in con.execute('pragma table_info("%s")' % t):
            s.add((t.lower(), r[1].lower()))
    return s


def main():
    ok = True
    summary = []
    for app in apps():
        d = os.path.join(ROOT, app)
        lab = [l.rstrip("\n").split("\t") for l in open(os.path.join(d, "labels.tsv"))]
        assert lab[0] == ["table", "column", "label", "kind"], app
        lab = lab[1:]
        labelled = {(t.lower(), c.lower()) for t, c, _, _ in lab}
        bad = [l for l in lab if l[2] not in ("personal", "credential", "technical") or not l[3]]
        dup = len(lab) - len(labelled)
        dialect_only = {}
        ex = os.path.join(d, "expect.toml")
        if os.path.exists(ex) and tomllib:
            for e in tomllib.load(open(ex, "rb")).get("dialect_only", []):
                dialect_only[(e["table"].lower(), e["column"].lower())] = set(e["dialects"])
        db = "corpus_%s_verify" % re.sub(r"[^a-z0-9]", "", app.lower())
        res = {}
        dialects = []
        problems = []
        if bad:
            problems.append("bad label lines: %s" % bad[:3])
        if dup:
            problems.append("%d duplicate label lines" % dup)
        for dn, have in (("pg", "schema.pg.sql"), ("mysql", "schema.mysql.sql"), ("sqlite", "schema.sqlite.sql")):
            if not os.path.exists(os.path.join(d, have)):
                continue
            dialects.append(dn)
            if dn == "pg":
                err = load_pg(app, db)
                cols = cols_pg(db) if not err else set()
                run(PSQL + ["-d", "postgres", "-c", "DROP DATABASE IF EXISTS %s" % db])
            elif dn == "mysql":
                err = load_my(app, db)
                cols = cols_my(db) if not err else set()
                run(MY + ["-e", "DROP DATABASE IF EXISTS %s" % db])
            else:
                fd, path = tempfile.mkstemp(suffix=".sqlite")
                os.close(fd)
                os.unlink(path)
                err = load_sqlite(app, path)
                cols = cols_sqlite(path) if not err else set()
                os.unlink(path)
            if err:
                problems.append("%s LOAD FAILED %s" % (dn, err))
                continue
            unl = cols - labelled
            if unl:
                problems.append("%s: columns without label: %s" % (dn, sorted(unl)[:10]))
            short = {k for k in labelled - cols if dn not in dialect_only.get(k, {dn}) or k not in dialect_only}
            missing = {k for k in labelled - cols if not (k in dialect_only and dn not in dialect_only[k])}
            if missing:
                problems.append("%s: labelled columns absent from DB: %s" % (dn, sorted(missing)[:10]))
        n = {"personal": 0, "credential": 0, "technical": 0}
        for l in lab:
            n[l[2]] = n.get(l[2], 0) + 1
        ntab = len({t.lower() for t, _, _, _ in lab})
        rf = "rows.pg.sql" if os.path.exists(os.path.join(d, "rows.pg.sql")) else "rows.mysql.sql"  # MySQL-only apps: count their MySQL rows
        rows = sum(1 for f in os.listdir(d) if f == rf for l in open(os.path.join(d, f)) if l.startswith("INSERT"))
        status = "OK" if not problems else "FAIL"
        ok &= not problems
        summary.append((app, ",".join(dialects), ntab, len(lab), n["personal"], n["credential"], n["technical"], rows, status))
        for p in problems:
            print("  %s: %s" % (app, p))
    print("| app | dialects | tables | columns | personal | credential | technical | rows (pg) | verify |")
    print("|---|---|---|---|---|---|---|---|---|")
    tot = [0] * 6
    for s in summary:
        print("| %s | %s | %d | %d | %d | %d | %d | %d | %s |" % s)
        for k in range(6):
            tot[k] += s[2 + k]
    print("| **total (%d apps)** | | %d | %d | %d | %d | %d | %d | %s |" % (len(summary), *tot, "OK" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
