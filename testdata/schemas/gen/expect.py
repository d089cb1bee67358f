"""Write <app>/expect.toml: exact facts about the generated rows (counts are measured on a fresh PostgreSQL load,
the same files also load in MariaDB/SQLite), plus the upstream per-dialect column differences."""
import os, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import ROOT, pg_load, pg_drop, pg_q, my_load, my_drop, my_q

# (section, table, column, where, format-or-None, note)
FACTS = {
    "freeradius": [
        ("plaintext_passwords", "radcheck", "value", "attribute = 'Cleartext-Password'", None, "rlm_pap Cleartext-Password check items"),
        ("password_formats", "radcheck", "value", "attribute = 'Crypt-Password' AND value LIKE '$6$%'", "sha512-crypt", "Crypt-Password"),
        ("password_formats", "radcheck", "value", "attribute = 'Crypt-Password' AND value LIKE '$1$%'", "md5-crypt", "Crypt-Password"),
        ("password_formats", "radcheck", "value", "attribute = 'NT-Password'", "ntlm", "NT-Password, 32 upper-case hex"),
        ("password_formats", "radcheck", "value", "attribute = 'MD5-Password'", "md5-hex", "MD5-Password"),
        ("password_formats", "radcheck", "value", "attribute = 'SSHA-Password'", "ssha", "SSHA-Password {SSHA}base64"),
        ("not_passwords", "radcheck", "value", "attribute IN ('Simultaneous-Use','Expiration','Auth-Type','Login-Time')", None, "non-password check items in the same column"),
        ("plaintext_passwords", "radpostauth", "pass", "pass <> 'Chap-Password'", None, "password attempts logged in clear by post-auth"),
        ("plaintext_passwords", "nas", "secret", "1=1", None, "RADIUS shared secrets"),
    ],
    "kamailio": [
        ("plaintext_passwords", "subscriber", "password", "password <> ''", None, "clear SIP password"),
        ("password_formats", "subscriber", "ha1", "ha1 <> ''", "md5-hex", "HA1 = md5(user:realm:password)"),
        ("password_formats", "subscriber", "ha1b", "ha1b <> ''", "md5-hex", "HA1B = md5(user@domain:realm:password)"),
        ("plaintext_passwords", "uacreg", "auth_password", "auth_password <> ''", None, "clear password of the upstream SIP trunk"),
    ],
    "ejabberd": [
        ("plaintext_passwords", "users", "password", "serverkey = ''", None, "auth_password_format: plain"),
        ("password_formats", "users", "password", "serverkey <> ''", "scram-sha1", "SCRAM StoredKey base64 (salt, serverkey, iterationcount in sibling columns)"),
    ],
    "mediawiki": [
        ("password_formats", "user", "user_password", "user_password LIKE ':pbkdf2:%'", "pbkdf2-sha512", ":pbkdf2:sha512:30000:64:salt:hash"),
        ("password_formats", "user", "user_password", "user_password LIKE ':B:%'", "mediawiki-b-salted-md5", ":B:salt:md5(salt-md5(pw))"),
        ("password_formats", "bot_passwords", "bp_password", "1=1", "pbkdf2-sha512", None),
    ],
    "request-tracker": [
        ("password_formats", "Users", "Password", "Password LIKE '!bcrypt!%'", "bcrypt", "RT !bcrypt!rounds!salt+hash (bcrypt base64 alphabet)"),
        ("password_formats", "Users", "Password", "Password LIKE '!sha512!%'", "sha512-salted", "RT legacy !sha512!salt!base64"),
        ("not_passwords", "Users", "Password", "Password = '*NO-PASSWORD*'", None, "disabled password marker"),
    ],
    "tt-rss": [
        ("password_formats", "ttrss_users", "pwd_hash", "pwd_hash LIKE 'MODE2:%'", "sha256-salted", "MODE2: sha256(salt . password), salt in ttrss_users.salt (one more row, login admin, is inserted by the upstream schema with a SHA1: hash)"),
        ("plaintext_passwords", "ttrss_feeds", "auth_pass", "auth_pass <> ''", None, "HTTP auth password of a feed (auth_pass_encrypted is not honoured in the generated rows)"),
    ],
    "jabberd2": [
        ("plaintext_passwords", "authreg", "password", "1=1", None, "authreg password_type plaintext (jabberd2's default)"),
    ],
    "icingaweb2": [
        ("password_formats", "icingaweb_user", "password_hash", "encode(password_hash, 'escape') LIKE '$2y$%'", "bcrypt", "PHP password_hash() stored in a bytea / varbinary column"),
        ("password_formats", "icingaweb_user", "password_hash", "encode(password_hash, 'escape') LIKE '$1$%'", "md5-crypt", "accounts from before 2.9 (crypt() verifies both)"),
    ],
    "zoneminder": [
        ("password_formats", "Users", "Password", "Password LIKE '$2%'", "bcrypt", "$2y$10$ (PHP password_hash), plus the upstream seed user admin ($2b$12$, inserted by the schema file)"),
        ("password_formats", "Users", "Password", "Password LIKE '*%'", "mysql41", "legacy MySQL PASSWORD(): '*' + 40 upper-case hex"),
        ("plaintext_passwords", "Monitors", "Pass", "Pass <> ''", None, "camera password, clear"),
        ("plaintext_passwords", "Monitors", "ONVIF_Password", "ONVIF_Password <> ''", None, "camera ONVIF password, clear"),
        ("plaintext_passwords", "Monitors", "Path", "Path LIKE 'rtsp://%:%@%'", None, "stream URL embedding user:password"),
    ],
    "coturn": [
        ("password_formats", "admin_user", "password", "password LIKE '$5$%'", "sha256-crypt", None),
        ("password_formats", "turnusers_lt", "hmackey", "1=1", "md5-hex", "md5(user:realm:password)"),
    ],
}


def main(only=None):
    for app in sorted(os.listdir(ROOT)):
        d = os.path.join(ROOT, app)
        if not os.path.isfile(os.path.join(d, "labels.tsv")) or (only and app not in only):
            continue
        out = ["# exact facts about %s/rows.*.sql (generated by gen/expect.py; counts measured on %s)" % (app, "PostgreSQL" if os.path.exists(os.path.join(d, "schema.pg.sql")) else "MariaDB"), ""]
        facts = FACTS.get(app, [])
        if facts:
            db = "corpus_%s_expect" % re.sub(r"[^a-z0-9]", "", app)
            # counted on PostgreSQL; on MariaDB for the apps upstream ships for MySQL only (zoneminder, opendmarc)
            on_pg = os.path.exists(os.path.join(d, "schema.pg.sql"))
            load, drop, q = (pg_load, pg_drop, pg_q) if on_pg else (my_load, my_drop, my_q)
            try:
                load(db, [os.path.join(d, "schema.%s.sql" % ("pg" if on_pg else "mysql")), os.path.join(d, "rows.%s.sql" % ("pg" if on_pg else "mysql"))])
                tabs = {t.lower(): t for (t,) in q(db, "select table_name from information_schema.tables where table_schema=%s" % ("'public'" if on_pg else "database()"))}
                for sec, t, c, where, fmt, note in facts:
                    n = int(q(db, ('select count(*) from "%s" where %s' if on_pg else 'select count(*) from `%s` where %s') % (tabs[t.lower()], where))[0][0])
                    out.append("[[%s]]" % sec)
                    out.append('table = "%s"' % t)
                    out.append('column = "%s"' % c)
                    out.append("where = \"%s\"" % where.replace('"', '\\"'))
                    if fmt:
                        out.append('format = "%s"' % fmt)
                    out.append("count = %d" % n)
                    if note:
                        out.append('note = "%s"' % note.replace('"', "'"))
                    out.append("")
            finally:
                drop(db)
        do = os.path.join(d, "dialect_only.generated")
        if os.path.exists(do):
            out.append("# upstream DDL differs between dialects: these labelled columns exist only in the listed dialects")
            for l in open(do):
                t, c, ds = l.rstrip("\n").split("\t")
                names = {"pg": "pg", "my": "mysql", "sqlite": "sqlite"}
                out.append("[[dialect_only]]")
                out.append('table = "%s"' % t)
                out.append('column = "%s"' % c)
                out.append("dialects = [%s]" % ", ".join('"%s"' % names[x] for x in ds.split(",")))
                out.append("")
            os.unlink(do)
        if len(out) > 2:
            open(os.path.join(d, "expect.toml"), "w").write("\n".join(out))
            print("wrote %s/expect.toml" % app)
        elif os.path.exists(os.path.join(d, "expect.toml")):
            os.unlink(os.path.join(d, "expect.toml"))


if __name__ == "__main__":
    main(sys.argv[1:] or None)
