"""Shared machinery for the schema corpus generators.

Each gen/app_<name>.py defines SPEC and calls common.build(SPEC).
build():
  * loads <app>/schema.*.sql into scratch DBs (corpus_<app>_gen) to introspect
    the real column types on every dialect,
  * generates rows (deterministic seed) with per-column generators,
  * writes rows.<dialect>.sql and labels.tsv,
  * drops the scratch DBs.
"""
import datetime as dt
import hashlib
import base64
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile

from faker import Faker

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-X", "-q"]
MARIADB = ["mariadb", "-uroot", "-h", "127.0.0.1"]


def sh(cmd, inp=None):
    r = subprocess.run(cmd, input=inp, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(cmd), r.stderr[-3000:]))
    return r.stdout


# ----------------------------------------------------------------- introspection
def pg_load(db, files):
    sh(PSQL + ["-d", "postgres", "-c", "DROP DATABASE IF EXISTS %s" % db])
    sh(PSQL + ["-d", "postgres", "-c", "CREATE DATABASE %s" % db])
    for f in files:
        sh(PSQL + ["-d", db, "-v", "ON_ERROR_STOP=1", "-f", f])


def pg_drop(db):
    sh(PSQL + ["-d", "postgres", "-c", "DROP DATABASE IF EXISTS %s" % db])


def pg_q(db, q):
    out = sh(PSQL + ["-d", db, "-At", "-F", "\t", "-c", q])
    return [l.split("\t") for l in out.splitlines() if l]


def my_load(db, files):
    sh(MARIADB + ["-e", "DROP DATABASE IF EXISTS %s; CREATE DATABASE %s" % (db, db)])
    for f in files:
        with open(f) as fh:
            sh(MARIADB + [db], inp=fh.read())


def my_drop(db):
    sh(MARIADB + ["-e", "DROP DATABASE IF EXISTS %s" % db])


def my_q(db, q):
    out = sh(MARIADB + ["-N", "-B", db, "-e", q])
    return [l.split("\t") for l in out.splitlines() if l]


UNIQ_IDX = {}


class Col:
    def __init__(self, name, typ, maxlen, nullable, default, enum=None, unsigned=False):
        self.name, self.typ, self.maxlen = name, typ.lower(), maxlen
        self.nullable, self.default, self.enum, self.unsigned = nullable, default, enum, unsigned


def pg_schema(db):
    tabs = {}
    rows = pg_q(db, """select c.table_name, c.column_name, c.data_type, coalesce(c.character_maximum_length::text,''),
        c.is_nullable, coalesce(c.column_default,''), c.udt_name
        from information_schema.columns c join information_schema.tables t
          on t.table_schema=c.table_schema and t.table_name=c.table_name and t.table_type='BASE TABLE'
        where c.table_schema='public' order by c.table_name, c.ordinal_position""")
    enums = {}
    for t, v in pg_q(db, "select t.typname, e.enumlabel from pg_type t join pg_enum e on e.enumtypid=t.oid order by e.enumsortorder"):
        enums.setdefault(t, []).append(v)
    for t, c, typ, ml, nul, de, udt in rows:
        if typ == "USER-DEFINED" and udt in enums:
            typ = "enum"
        if typ == "ARRAY":
            typ = "array:" + udt
        tabs.setdefault(t, {})[c] = Col(c, typ, int(ml) if ml else None, nul == "YES", de, enums.get(udt))
    fks = []
    for t, c, rt, rc in pg_q(db, """select kcu.table_name, kcu.column_name, ccu.table_name, ccu.column_name
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on tc.constraint_name=kcu.constraint_name and tc.table_schema=kcu.table_schema
        join information_schema.constraint_column_usage ccu on ccu.constraint_name=tc.constraint_name and ccu.table_schema=tc.table_schema
        where tc.constraint_type='FOREIGN KEY' and tc.table_schema='public'"""):
        fks.append((t, c, rt, rc))
    uniq = set()
    global UNIQ_IDX
    for t, ix, c in pg_q(db, """select t.relname, i.indexrelid::text, a.attname from pg_index i join pg_class t on t.oid=i.indrelid
        join pg_namespace n on n.oid=t.relnamespace join pg_attribute a on a.attrelid=t.oid and a.attnum = any(i.indkey)
        where n.nspname='public' and i.indisunique"""):
        uniq.add((t.lower(), c.lower()))
        UNIQ_IDX.setdefault((t.lower(), "pg" + ix), []).append(c.lower())
    return tabs, fks, uniq


def my_schema(db):
    tabs = {}
    for t, c, typ, ml, nul, de, ct in my_q(db, """select c.table_name, c.column_name, c.data_type, coalesce(c.character_maximum_length,''),
        c.is_nullable, coalesce(c.column_default,''), c.column_type from information_schema.columns c
        join information_schema.tables t on t.table_schema=c.table_schema and t.table_name=c.table_name and t.table_type='BASE TABLE'
        where c.table_schema=database() order by c.table_name, c.ordinal_position"""):
        enum = None
        if typ in ("enum", "set"):
            enum = re.findall(r"'((?:[^']|'')*)'", ct)
        tabs.setdefault(t, {})[c] = Col(c, typ, int(ml) if ml else None, nul == "YES", de, enum, "unsigned" in ct)
    fks = [tuple(r) for r in my_q(db, """select table_name, column_name, referenced_table_name, referenced_column_name
        from information_schema.key_column_usage where table_schema=database() and referenced_table_name is not null""")]
    uniq = set()
    for t, ix, c in my_q(db, """select table_name, index_name, column_name from information_schema.statistics
        where table_schema=database() and non_unique=0"""):
        uniq.add((t.lower(), c.lower()))
        UNIQ_IDX.setdefault((t.lower(), "my" + ix), []).append(c.lower())
    return tabs, fks, uniq


def sqlite_schema(path_sql):
    con = sqlite3.connect(":memory:")
    con.executescript(open(path_sql).read())
    tabs = {}
    for (t,) in con.execute("select name from sqlite_master where type='table' and name not like 'sqlite_%'"):
        tabs[t] = {}
        for cid, name, typ, notnull, de, pk in con.execute('pragma table_info("%s")' % t):
            m = re.search(r"\((\d+)\)", typ or "")
            tabs[t][name] = Col(name, (typ or "").split("(")[0].strip(), int(m.group(1)) if m else None, not notnull, de)
    fks, uniq = [], set()
    for t in tabs:
        for row in con.execute('pragma foreign_key_list("%s")' % t):
            fks.append((t, row[3], row[2], row[4]))
        for row in con.execute('pragma index_list("%s")' % t):
            if row[2]:
                for r2 in con.execute('pragma index_info("%s")' % row[1]):
                    uniq.add((t.lower(), r2[2].lower()))
    return tabs, fks, uniq


# ----------------------------------------------------------------- value helpers
class Raw(str):
    """A literal SQL expression, emitted as-is."""


FR = Faker("fr_FR")
EN = Faker("en_GB")
US = Faker("en_US")


def seed(n):
    random.seed(n)
    Faker.seed(n)


def strip_accents(s):
    import unicodedata
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", strip_accents(s).lower())


class Person:
    """A consistent natural person for one row."""

    def __init__(self, idx):
        self.fr = random.random() < 0.75
        f = FR if self.fr else random.choice([EN, US])
        self.faker = f
        self.gender = random.choice("MF")
        self.first = f.first_name_male() if self.gender == "M" else f.first_name_female()
        self.last = f.last_name()
        self.full = "%s %s" % (self.first, self.last)
        self.login = random.choice([
            slug(self.first)[0] + slug(self.last), slug(self.first) + "." + slug(self.last),
            slug(self.first) + str(random.randint(1, 99)), slug(self.last) + slug(self.first)[:2]])[:24]
        self.domain = random.choice(["gmail.com", "orange.fr", "free.fr", "laposte.net", "yahoo.fr", "hotmail.com",
                                     "outlook.fr", "sfr.fr", "wanadoo.fr", "proton.me", "example-asso.org"]) if self.fr else \
            random.choice(["gmail.com", "outlook.com", "yahoo.co.uk", "btinternet.com", "icloud.com"])
        self.email = "%s.%s@%s" % (slug(self.first), slug(self.last), self.domain)
        self.work_email = "%s.%s@%s" % (slug(self.first), slug(self.last), random.choice(["acme-industrie.fr", "mairie-lyon.fr", "univ-rennes.fr", "example.com"]))
        self.phone = f.phone_number()
        self.mobile = ("+33 6 %02d %02d %02d %02d" % tuple(random.randint(0, 99) for _ in range(4))) if self.fr else f.phone_number()
        self.e164 = "+336%08d" % random.randint(0, 99999999) if self.fr else "+447%09d" % random.randint(0, 999999999)
        self.street = f.street_address()
        self.postcode = f.postcode()
        self.city = f.city()
        self.country = "France" if self.fr else "United Kingdom"
        self.cc = "FR" if self.fr else "GB"
        self.birth = f.date_of_birth(minimum_age=18, maximum_age=85)
        self.ip = random.choice([FR.ipv4_public(), FR.ipv4_public(), FR.ipv6()])
        self.ip4 = FR.ipv4_public()
        self.ua = FR.user_agent()
        self.mac = FR.mac_address()
        self.job = f.job()
        self.iban = FR.iban() if self.fr else EN.iban()
        self.company = f.company()
        self.idx = idx


def ts(start_days=900, end_days=0):
    now = dt.datetime(2026, 11, 30, 12, 0, 0)
    return now - dt.timedelta(seconds=random.randint(end_days * 86400, start_days * 86400))


def hexs(n):
    return "".join(random.choice("0123456789abcdef") for _ in range(n))


def b64(n):
    return base64.b64encode(os.urandom(n)).decode()


def urlsafe(n):
    return base64.urlsafe_b64encode(os.urandom(n)).decode().rstrip("=")


# password hashes -----------------------------------------------------------
def pw_clear():
    return random.choice([FR.password(length=10), FR.word() + str(random.randint(10, 9999)),
                          "Soleil" + str(random.randint(1, 99)) + "!", EN.password(length=12)])


def h_bcrypt(pw, prefix="$2y$"):
    import bcrypt
    h = bcrypt.hashpw(pw.encode(), bcrypt.gensalt(rounds=4)).decode()
    return prefix + h[4:]


def h_sha512crypt(pw):
    from passlib.hash import sha512_crypt
    return sha512_crypt.using(rounds=5000).hash(pw)


def h_md5crypt(pw):
    from passlib.hash import md5_crypt
    return md5_crypt.hash(pw)


def h_md5(pw):
    return hashlib.md5(pw.encode()).hexdigest()


def h_sha1(pw):
    return hashlib.sha1(pw.encode()).hexdigest()


def h_sha256(pw):
    return hashlib.sha256(pw.encode()).hexdigest()


def h_ssha(pw):
    salt = os.urandom(4)
    return "{SSHA}" + base64.b64encode(hashlib.sha1(pw.encode() + salt).digest() + salt).decode()


def h_nt(pw):
    from passlib.hash import nthash
    return nthash.hash(pw).upper()


def h_pbkdf2_mw(pw):
    salt = os.urandom(16)
    d = hashlib.pbkdf2_hmac("sha512", pw.encode(), salt, 30000, 64)
    return ":pbkdf2:sha512:30000:64:%s:%s" % (base64.b64encode(salt).decode(), base64.b64encode(d).decode())


def php_serialize(v):
    if isinstance(v, bool):
        return "b:%d;" % int(v)
    if isinstance(v, int):
        return "i:%d;" % v
    if v is None:
        return "N;"
    if isinstance(v, str):
        return 's:%d:"%s";' % (len(v.encode()), v)
    if isinstance(v, dict):
        return "a:%d:{%s}" % (len(v), "".join(php_serialize(k) + php_serialize(x) for k, x in v.items()))
    if isinstance(v, list):
        return php_serialize({i: x for i, x in enumerate(v)})
    raise TypeError(v)


def sentence_fr():
    return FR.sentence(nb_words=random.randint(6, 14))


def para(person=None):
    txt = FR.paragraph(nb_sentences=random.randint(2, 5)) if (person is None or person.fr) else EN.paragraph(nb_sentences=3)
    return txt


def message_body(p, other=None):
    greet = "Bonjour" if p.fr else "Hello"
    return "%s %s,\n\n%s\n\n%s\n-- \n%s\n%s" % (greet, other.first if other else "", para(p), para(p), p.full, p.mobile)


# generic generators by name: f(person, row_index, ctx) -> value
G = {
    "first": lambda p, i, c: p.first,
    "last": lambda p, i, c: p.last,
    "full": lambda p, i, c: p.full,
    "login": lambda p, i, c: p.login,
    "email": lambda p, i, c: p.email,
    "work_email": lambda p, i, c: p.work_email,
    "email_name": lambda p, i, c: '"%s" <%s>' % (p.full, p.email),
    "phone": lambda p, i, c: p.phone,
    "mobile": lambda p, i, c: p.mobile,
    "e164": lambda p, i, c: p.e164,
    "street": lambda p, i, c: p.street,
    "postcode": lambda p, i, c: p.postcode,
    "city": lambda p, i, c: p.city,
    "country": lambda p, i, c: p.country,
    "cc": lambda p, i, c: p.cc,
    "birth": lambda p, i, c: p.birth,
    "gender": lambda p, i, c: p.gender,
    "ip": lambda p, i, c: p.ip4,
    "ip46": lambda p, i, c: p.ip,
    "ua": lambda p, i, c: p.ua,
    "mac": lambda p, i, c: p.mac,
    "job": lambda p, i, c: p.job,
    "text": lambda p, i, c: para(p),
    "sentence": lambda p, i, c: sentence_fr(),
    "body": lambda p, i, c: message_body(p),
    "signature": lambda p, i, c: "-- \n%s\n%s\n%s" % (p.full, p.job, p.mobile),
    "pw_clear": lambda p, i, c: pw_clear(),
    "bcrypt": lambda p, i, c: h_bcrypt(pw_clear()),
    "sha512crypt": lambda p, i, c: h_sha512crypt(pw_clear()),
    "md5crypt": lambda p, i, c: h_md5crypt(pw_clear()),
    "md5": lambda p, i, c: h_md5(pw_clear()),
    "sha1": lambda p, i, c: h_sha1(pw_clear()),
    "ssha": lambda p, i, c: h_ssha(pw_clear()),
    "hex32": lambda p, i, c: hexs(32),
    "hex40": lambda p, i, c: hexs(40),
    "hex64": lambda p, i, c: hexs(64),
    "b64_32": lambda p, i, c: b64(32),
    "ts": lambda p, i, c: ts(),
    "ts_recent": lambda p, i, c: ts(60),
    "now": lambda p, i, c: ts(2),
    "null": lambda p, i, c: None,
    "url": lambda p, i, c: FR.url(),
    "domain": lambda p, i, c: random.choice(["example.org", "example.fr", "mail.example.org", "sip.example.fr"]),
}


def const(v):
    return lambda p, i, c: v


def choice(*vs):
    return lambda p, i, c: random.choice(vs)


def seq(fmt="%d", start=1):
    return lambda p, i, c: fmt % (i + start) if "%" in fmt else fmt


# ----------------------------------------------------------------- rendering
INT_TYPES = {"integer": (-2**31, 2**31 - 1), "int": (-2**31, 2**31 - 1), "bigint": (-2**63, 2**63 - 1),
             "smallint": (-32768, 32767), "tinyint": (-128, 127), "mediumint": (-2**23, 2**23 - 1),
             "int2": (-32768, 32767), "int4": (-2**31, 2**31 - 1), "int8": (-2**63, 2**63 - 1)}
STR_TYPES = ("char", "varchar", "character varying", "character", "text", "tinytext", "mediumtext", "longtext",
             "varbinary", "binary", "blob", "tinyblob", "mediumblob", "longblob", "bytea", "clob", "citext", "name")


def is_int(t):
    t = t.lower()
    return t in INT_TYPES or ("int" in t and "interval" not in t and "point" not in t)


def is_bool(t):
    return t.lower() in ("boolean", "bool")


def is_bin(t):
    return t.lower() in ("varbinary", "binary", "blob", "tinyblob", "mediumblob", "longblob", "bytea")


def fmt_dt(v, col):
    t = col.typ.lower()
    if is_int(t) or t in ("numeric", "decimal", "double", "real", "float", "double precision"):
        return str(int(v.timestamp() if isinstance(v, dt.datetime) else dt.datetime.combine(v, dt.time()).timestamp()))
    if (col.maxlen == 14 and (("char" in t) or "binary" in t)) or (t in ("varbinary", "binary", "blob") and col.maxlen == 14):
        return "'%s'" % v.strftime("%Y%m%d%H%M%S")
    if t == "date":
        return "'%s'" % v.strftime("%Y-%m-%d")
    if t in ("time", "time without time zone"):
        return "'%s'" % v.strftime("%H:%M:%S")
    if isinstance(v, dt.datetime):
        if "zone" in t and "without" not in t:
            return "'%s+00'" % v.strftime("%Y-%m-%d %H:%M:%S")
        return "'%s'" % v.strftime("%Y-%m-%d %H:%M:%S")
    return "'%s'" % v.isoformat()


def lit(v, col, dialect):
    if v is None:
        return "NULL"
    if isinstance(v, Raw):
        return str(v)
    t = col.typ.lower() if col else "text"
    if isinstance(v, bool):
        if col is not None and col.enum:
            w = "true" if v else "false"
            return "'%s'" % (w if w in col.enum else col.enum[0])
        if dialect == "pg" and is_bool(t):
            return "true" if v else "false"
        return "1" if v else "0"
    if isinstance(v, (dt.datetime, dt.date)):
        return fmt_dt(v, col)
    if isinstance(v, (int, float)):
        if dialect == "pg" and is_bool(t):
            return "true" if v else "false"
        if not is_int(t) and t not in ("numeric", "decimal", "double", "real", "float", "double precision", "money") and not is_bool(t):
            return "'%s'" % v
        return str(v)
    if isinstance(v, bytes):
        if dialect == "pg":
            if t == "bytea":
                return "'\\x%s'" % v.hex()
            return "'%s'" % v.decode("latin-1").replace("'", "''")
        return "X'%s'" % v.hex() if v else "''"
    s = str(v)
    if "\n" in s or "\r" in s:
        if dialect == "my":
            return "'%s'" % s.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n").replace("\r", "\\r")
        if dialect == "pg" and t != "bytea":
            return "E'%s'" % s.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n").replace("\r", "\\r")
        if dialect == "sqlite":
            return "(" + " || char(10) || ".join("'%s'" % x.replace("\r", "").replace("'", "''") for x in s.split("\n")) + ")"
    if dialect == "pg" and t == "bytea":
        return "'\\x%s'" % s.encode().hex()
    if dialect == "pg" and s.count("\x00"):
        s = s.replace("\x00", "")
    s = s.replace("'", "''")
    if dialect == "my":
        s = s.replace("\\", "\\\\")
    return "'%s'" % s


def qi(name, dialect):
    return "`%s`" % name if dialect == "my" else '"%s"' % name


# ----------------------------------------------------------------- build
def auto_kind(col, fkmap, tname, pkish):
    n = col.name.lower()
    t = col.typ
    if (tname.lower(), n) in fkmap:
        return "fk"
    if n == "id" or pkish:
        return "pk"
    if any(k in n for k in ("time", "date", "created", "modified", "updated", "changed", "_at", "stamp", "expire", "touched")) or "timestamp" in t or t in ("date", "datetime"):
        return "timestamp"
    if is_bool(t) or n.startswith("is_") or "flag" in n or n in ("active", "enabled", "disabled", "deleted", "visible"):
        return "flag"
    if n.endswith("id") or n.endswith("_id"):
        return "id"
    if any(k in n for k in ("count", "num", "size", "len", "total", "bytes", "octets", "hits")):
        return "counter"
    if any(k in n for k in ("type", "status", "state", "mode", "kind", "level")):
        return "enum"
    if any(k in n for k in ("pref", "config", "setting", "option", "param", "value", "data")):
        return "setting"
    if is_int(t):
        return "number"
    return "technical-text"


def generic_value(col, i, tname, uniq_cols, ctx):
    """A plausible technical value for a column with no explicit generator."""
    n = col.name.lower()
    t = col.typ
    uniq = (tname.lower(), n) in uniq_cols
    if col.enum:
        return col.enum[i % len(col.enum)] if uniq else random.choice(col.enum)
    if is_bool(t):
        return random.random() < 0.7
    if is_int(t):
        if uniq:
            return i + 1
        lo, hi = INT_TYPES.get(t, (0, 2**31 - 1))
        if any(k in n for k in ("time", "date", "created", "modified", "stamp", "expire", "updated", "_at", "last")) and hi > 2**31 - 2:
            return int(ts().timestamp())
        if any(k in n for k in ("time", "date", "created", "modified", "stamp", "expire", "updated", "_at")) and hi >= 2**31 - 1:
            return int(ts().timestamp())
        if n.startswith("is_") or n in ("active", "enabled", "deleted", "disabled", "flag", "flags") or hi <= 127:
            return random.randint(0, 1)
        return random.randint(0, min(hi, 500))
    if t in ("numeric", "decimal", "double", "real", "float", "double precision", "money"):
        return round(random.uniform(0, 99), 2)
    if t in ("date",):
        return ts().date()
    if "timestamp" in t or t in ("datetime", "time", "time without time zone"):
        return ts()
    if t in ("inet", "cidr"):
        return FR.ipv4_private()
    if t in ("json", "jsonb"):
        return json.dumps({"k": random.randint(1, 9)})
    if t == "uuid":
        return FR.uuid4()
    if t.startswith("array"):
        return "{}"
    if t in ("interval",):
        return "1 hour"
    if t in ("bit", "bit varying"):
        return Raw("B'1'")
    if t in ("year",):
        return 2024
    # strings
    ml = col.maxlen or 64
    if any(k in n for k in ("time", "date", "created", "modified", "stamp", "expire", "touched")) and ml == 14:
        return ts()
    if ml <= 1:
        return random.choice("YN") if "char" in t else "1"
    base = re.sub(r"[^a-z]", "", n)[:10] or "val"
    v = "%s_%d" % (base, i + 1) if uniq else random.choice([base + "_" + str(random.randint(1, 9)), slug(FR.word()), "default"])
    return v[:ml]


def build(spec):
    app = spec["app"]
    adir = os.path.join(ROOT, app)
    seed(spec.get("seed", 19))
    dialects = [d for d in ("pg", "my", "sqlite") if os.path.exists(os.path.join(adir, "schema.%s.sql" % {"pg": "pg", "my": "mysql", "sqlite": "sqlite"}[d]))]
    info = {}
    db = "corpus_%s_gen" % re.sub(r"[^a-z0-9]", "", app.lower())
    try:
        if "pg" in dialects:
            pg_load(db, [os.path.join(adir, "schema.pg.sql")])
            info["pg"] = pg_schema(db)
        if "my" in dialects:
            my_load(db, [os.path.join(adir, "schema.mysql.sql")])
            info["my"] = my_schema(db)
        if "sqlite" in dialects:
            info["sqlite"] = sqlite_schema(os.path.join(adir, "schema.sqlite.sql"))
    finally:
        pg_drop(db)
        my_drop(db)

    def colinfo(d, tl, cl):
        tabs = info[d][0]
        for t, cols in tabs.items():
            if t.lower() == tl:
                for c, ci in cols.items():
                    if c.lower() == cl:
                        return t, ci
        return None, None

    # canonical table/column names: mysql case (as written upstream) if available
    ref = info.get("my") or info.get("pg")
    tables = {}  # lower -> (name, [colnames])
    for t, cols in ref[0].items():
        tables[t.lower()] = (t, list(cols.keys()))
    dialect_only = []
    for d, (tabs, _, _) in info.items():
        for t, cols in tabs.items():
            if t.lower() not in tables:
                print("WARN %s: table %s only in %s" % (app, t, d))
                tables[t.lower()] = (t, list(cols.keys()))
            have = [x.lower() for x in tables[t.lower()][1]]
            for c in cols:
                if c.lower() not in have:
                    tables[t.lower()][1].append(c)
    for tl, (t, cols) in tables.items():
        for c in cols:
            missing = [d for d in info if colinfo(d, tl, c.lower())[1] is None]
            if missing:
                dialect_only.append((t, c, [d for d in info if d not in missing]))
    if dialect_only:
        print("NOTE %s: dialect-specific columns: %s" % (app, dialect_only))

    fks = {}
    for d in info:
        for t, c, rt, rc in info[d][1]:
            fks[(t.lower(), c.lower())] = (rt.lower(), (rc or c).lower())
    fks.update({(a.lower(), b.lower()): (c.lower(), e.lower()) for (a, b), (c, e) in spec.get("fks", {}).items()})
    for cn, target in spec.get("fk_by_colname", {}).items():
        for tl, (t, cols) in tables.items():
            if tl != target[0] and cn in [x.lower() for x in cols] and (tl, cn) not in fks:
                fks[(tl, cn)] = target
    uniq = set()
    for d in info:
        uniq |= info[d][2]

    # order tables by FK dependencies
    order, seen = [], set()

    def visit(tl, stack=()):
        if tl in seen or tl in stack:
            return
        for (a, b), (c, e) in fks.items():
            if a == tl and c != tl and c in tables:
                visit(c, stack + (tl,))
        seen.add(tl)
        order.append(tl)

    for tl in sorted(tables):
        visit(tl)

    cols_spec = {k.lower(): v for k, v in spec["cols"].items()}
    nrows = {k.lower(): v for k, v in spec.get("rows", {}).items()}
    default_rows = spec.get("default_rows", 3)
    generated = {}  # tl -> list of dict(lower col -> value)
    ctx = {"generated": generated, "spec": spec}
    people = spec.get("people") or [Person(i) for i in range(spec.get("npeople", 40))]
    ctx["people"] = people
    hooks = spec.get("row_hook", {})
    for tl in order:
        tname, cnames = tables[tl]
        n = nrows.get(tl, default_rows)
        rows = [dict(r, __existing=True) for r in spec.get("existing", {}).get(tl, [])]
        for i in range(n):
            p = people[i % len(people)] if spec.get("people_by_index", True) else random.choice(people)
            ctx["i"] = i
            ctx["table"] = tl
            row = {}
            ctx["row"] = row
            for cn in cnames:
                cl = cn.lower()
                key = "%s.%s" % (tl, cl)
                s = cols_spec.get(key)
                d0 = "my" if "my" in info else "pg"
                _, ci = colinfo(d0, tl, cl)
                if ci is None:
                    _, ci = colinfo("pg" if "pg" in info else "sqlite", tl, cl)
                if s and len(s) > 2 and s[2] is not None:
                    g = s[2]
                    v = g(p, i, ctx) if callable(g) else (G[g](p, i, ctx) if isinstance(g, str) and g in G else g)
                elif (tl, cl) in fks and fks[(tl, cl)][0] in generated and generated[fks[(tl, cl)][0]]:
                    rt, rc = fks[(tl, cl)]
                    par = generated[rt]
                    if rt == tl:
                        v = None if not rows else rows[random.randrange(len(rows))].get(rc)
                        if v is None and ci is not None and not ci.nullable:
                            v = i + 1
                    elif (tl, cl) in uniq and len(par) >= n:
                        v = par[i].get(rc)
                    else:
                        v = par[random.randrange(len(par))].get(rc)
                elif ci is None:
                    v = None
                else:
                    others = [colinfo(d1, tl, cl)[1] for d1 in info]
                    if any(o is not None and ("timestamp" in o.typ or o.typ in ("date", "datetime")) for o in others):
                        v = ts()
                    elif any(o is not None and is_bool(o.typ) for o in others):
                        v = random.random() < 0.7
                    else:
                        v = generic_value(ci, i, tl, uniq, ctx)
                row[cl] = v
            if tl in hooks:
                hooks[tl](row, p, i, ctx)
            dup = False
            for (ut, ux), ucols in UNIQ_IDX.items():
                if ut != tl:
                    continue
                key = tuple(str(row.get(u)).lower()[:191] for u in ucols)
                if any(r2 is not row and tuple(str(r2.get(u)).lower()[:191] for u in ucols) == key for r2 in rows):
                    dup = True
            if dup:
                continue
            rows.append(row)
        generated[tl] = rows

    # clamp strings to the smallest max length across dialects
    for tl, rows in generated.items():
        for row in rows:
            for cl, v in list(row.items()):
                if cl == "__existing":
                    continue
                if isinstance(v, str) and not isinstance(v, Raw):
                    lens = []
                    for d in info:
                        _, ci = colinfo(d, tl, cl)
                        if ci is not None and ci.maxlen and not (ci.maxlen == 14 and False):
                            lens.append(ci.maxlen)
                    if lens and len(v) > min(lens):
                        row[cl] = v[:min(lens)]

    # write rows files
    pre = spec.get("rows_preamble", {})
    for d in info:
        fn = os.path.join(adir, "rows.%s.sql" % {"pg": "pg", "my": "mysql", "sqlite": "sqlite"}[d])
        out = ["-- generated by gen/app_%s.py (seeded, synthetic people; see README.md)" % app.replace("-", "_")]
        out += pre.get(d, [])
        if d == "sqlite":
            out.append("BEGIN;")
        for tl in order:
            tname = None
            for t0 in info[d][0]:
                if t0.lower() == tl:
                    tname = t0
            if tname is None:
                # table missing in this dialect
                continue
            for row in generated[tl]:
                if row.get("__existing"):
                    continue
                cols, vals = [], []
                for cl, v in row.items():
                    t2, ci = colinfo(d, tl, cl)
                    if ci is None:
                        continue
                    if v is None and not ci.nullable:
                        if ci.default not in (None, "", "NULL"):
                            continue
                        if "auto_increment" in (ci.default or "") or (d == "sqlite" and ci.typ.lower() == "integer"):
                            continue
                        v2 = 0 if is_int(ci.typ) else ""
                        cols.append(qi(ci.name, d))
                        vals.append(lit(v2, ci, d))
                        continue
                    cols.append(qi(ci.name, d))
                    if d == "sqlite" and isinstance(v, (dt.datetime, dt.date)) and "my" in info:
                        mci = colinfo("my", tl, cl)[1]
                        if mci is not None and (mci.maxlen == 14 or is_int(mci.typ)):
                            vals.append(lit(v, mci, "my"))
                            continue
                    vals.append(lit(v, ci, d))
                out.append("INSERT INTO %s (%s) VALUES (%s);" % (qi(tname, d), ", ".join(cols), ", ".join(vals)))
        if d == "sqlite":
            out.append("COMMIT;")
        out += spec.get("rows_post", {}).get(d, [])
        with open(fn, "w") as fh:
            fh.write("\n".join(o.replace("\n", "\\n") if False else o for o in out) + "\n")

    # labels
    fkmap = set(fks.keys())
    lab = ["table\tcolumn\tlabel\tkind"]
    counts = {"personal": 0, "credential": 0, "technical": 0}
    unknown = []
    for tl in sorted(tables):
        tname, cnames = tables[tl]
        for cn in cnames:
            s = cols_spec.get("%s.%s" % (tl, cn.lower())) or spec.get("label_by_colname", {}).get(cn.lower())
            if s:
                label, kind = s[0], s[1]
            else:
                ci = None
                for d0 in info:
                    ci = ci or colinfo(d0, tl, cn.lower())[1]
                label = "technical"
                kind = auto_kind(ci, fkmap, tl, (tl, cn.lower()) in uniq and cn.lower() in ("id",))
            assert label in counts, (tl, cn, label)
            counts[label] += 1
            lab.append("%s\t%s\t%s\t%s" % (tname, cn, label, kind))
    for k in cols_spec:
        t, c = k.split(".", 1)
        if t not in tables or c not in [x.lower() for x in tables[t][1]]:
            unknown.append(k)
    if unknown:
        print("WARN %s: spec columns not in schema: %s" % (app, unknown))
    if os.path.exists(os.path.join(adir, "dialect_only.generated")):
        os.unlink(os.path.join(adir, "dialect_only.generated"))
    if dialect_only:
        with open(os.path.join(adir, "dialect_only.generated"), "w") as fh:
            for t, c, ds in dialect_only:
                fh.write("%s\t%s\t%s\n" % (t, c, ",".join(ds)))
    with open(os.path.join(adir, "labels.tsv"), "w") as fh:
        fh.write("\n".join(lab) + "\n")
    print("%s: dialects=%s tables=%d columns=%d %s rows=%d" % (app, ",".join(info), len(tables), sum(counts.values()), counts,
                                                              sum(len([x for x in r if not x.get("__existing")]) for r in generated.values())))
    return generated
