"""Write <app>/PROVENANCE.md from the metadata below (kept next to prep.sh, which performs the edits)."""
import os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOROUTINE = "none"
M = {
 "freeradius": dict(pkg="freeradius-config 3.2.1+dfsg-4+deb12u1 (source freeradius)", lic="GPL-2.0-or-later",
   files={"pg": "/etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql", "mysql": "/etc/freeradius/3.0/mods-config/sql/main/mysql/schema.sql", "sqlite": "/etc/freeradius/3.0/mods-config/sql/main/sqlite/schema.sql"},
   edits=["none: the three files are copied verbatim.", "Upstream difference kept: radpostauth has CalledStationId/CallingStationId only in the PostgreSQL file (listed in expect.toml [[dialect_only]])."]),
 "roundcube": dict(pkg="roundcube-core 1.6.5+dfsg-1+deb12u14 (source roundcube)", lic="GPL-3.0-or-later",
   files={"pg": "/usr/share/roundcube/SQL/postgres.initial.sql", "mysql": "/usr/share/roundcube/SQL/mysql.initial.sql", "sqlite": "/usr/share/roundcube/SQL/sqlite.initial.sql"},
   edits=["none: copied verbatim (the upstream files contain `INSERT INTO system ... 'roundcube-version'`; kept, so rows files insert nothing into `system`).", "Upstream difference kept: dictionary.id exists only in the MySQL file."]),
 "kamailio": dict(pkg="kamailio-mysql-modules / kamailio-postgres-modules / kamailio-sqlite-modules 5.6.3-2 (source kamailio)", lic="GPL-2.0-or-later",
   files={"pg": "/usr/share/kamailio/postgres/<module>-create.sql", "mysql": "/usr/share/kamailio/mysql/<module>-create.sql", "sqlite": "/usr/share/kamailio/db_sqlite/<module>-create.sql"},
   edits=["Concatenation (same order in each dialect) of the per-module files of: standard auth_db acc alias_db domain group usrloc permissions msilo siptrace speeddial userblocklist dialog presence uac avpops dispatcher htable (what `kamdbctl create` would install with those modules). Files otherwise verbatim, including their `INSERT INTO version` rows."]),
 "ejabberd": dict(pkg="ejabberd 23.01-1", lic="GPL-2.0-or-later",
   files={"pg": "/usr/share/ejabberd/sql/pg.sql", "mysql": "/usr/share/ejabberd/sql/mysql.sql", "sqlite": "/usr/share/ejabberd/sql/lite.sql"},
   edits=["none: copied verbatim (default single-host schema, not the *.new.sql multi-host variant)."]),
 "spamassassin": dict(pkg="spamassassin 4.0.1-1~deb12u1", lic="Apache-2.0",
   files={"pg": "/usr/share/doc/spamassassin/sql/{userpref,awl,bayes,txrep,decodeshorturl}_pg.sql", "mysql": "/usr/share/doc/spamassassin/sql/{userpref,awl,bayes,txrep,decodeshorturl}_mysql.sql"},
   edits=["Concatenation of the five example schemas per dialect.", "PostgreSQL: removed (gen/strip_routines.py) the functions update_awl_last_hit, greatest_int, least_int, put_tokens, update_txrep_last_hit and the triggers update_awl_update_last_hit, update_txrep_update_last_hit (not plain statements).",
          "No SQLite: upstream ships SQLite files only for txrep and decodeshorturl, so no complete SQLite schema.", "The bayes files INSERT the bayes_global_vars VERSION row; kept."]),
 "powerdns": dict(pkg="pdns-backend-pgsql / pdns-backend-mysql / pdns-backend-sqlite3 4.7.3-2 (source pdns)", lic="GPL-2.0-only",
   files={"pg": "/usr/share/pdns-backend-pgsql/schema/schema.pgsql.sql", "mysql": "/usr/share/pdns-backend-mysql/schema/schema.mysql.sql", "sqlite": "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql"},
   edits=["none: copied verbatim."]),
 "gammu-smsd": dict(pkg="gammu-smsd 1.42.0-8 (source gammu)", lic="GPL-2.0-only",
   files={"pg": "/usr/share/doc/gammu-smsd/examples/pgsql.sql", "mysql": "/usr/share/doc/gammu-smsd/examples/mysql.sql", "sqlite": "/usr/share/doc/gammu-smsd/examples/sqlite.sql"},
   edits=["PostgreSQL: removed `CREATE LANGUAGE plpgsql`, function update_timestamp() and the four update_timestamp triggers.", "SQLite: removed the four update_*_time triggers.", "Upstream files INSERT the gammu Version row; kept."]),
 "coturn": dict(pkg="coturn 4.6.1-1", lic="BSD-3-Clause",
   files={"pg": "/usr/share/coturn/schema.sql", "mysql": "/usr/share/coturn/schema.sql", "sqlite": "/usr/share/coturn/schema.sql"},
   edits=["none: upstream ships one portable schema.sql used by all SQL back-ends (turnadmin / README.turnadmin); copied verbatim to the three dialect files."]),
 "gnokii-smsd": dict(pkg="gnokii-smsd-mysql / gnokii-smsd-pgsql 0.6.30+dfsg-1.3 (source gnokii)", lic="GPL-2.0-or-later",
   files={"pg": "/usr/share/doc/gnokii-smsd-pgsql/sms.tables.pq.sql", "mysql": "/usr/share/doc/gnokii-smsd-mysql/sms.tables.mysql.sql"},
   edits=["PostgreSQL: upstream's file lacks the table multipartinbox that the MySQL file has; appended a hand conversion (int(10) unsigned auto_increment -> serial, datetime -> timestamp, tinyint(4) -> smallint, int(8) -> integer, `DEFAULT CURRENT_TIMESTAMP` -> `DEFAULT now()`, the '0000-00-00' default dropped). Column names and order unchanged.",
          "No SQLite schema upstream."]),
 "rsyslog": dict(pkg="rsyslog-mysql / rsyslog-pgsql 8.2302.0-1+deb12u2 (source rsyslog)", lic="GPL-3.0-or-later",
   files={"pg": "/usr/share/dbconfig-common/data/rsyslog-pgsql/install/pgsql", "mysql": "/usr/share/dbconfig-common/data/rsyslog-mysql/install/mysql"},
   edits=["none: copied verbatim (these are upstream's plugins/om*sql/createDB.sql without the CREATE DATABASE, as packaged by Debian)."]),
 "tt-rss": dict(pkg="tt-rss 21~git20210204.b4cbc79+dfsg-1.2", lic="GPL-3.0-or-later",
   files={"pg": "/usr/share/tt-rss/schema/ttrss_schema_pgsql.sql", "mysql": "/usr/share/tt-rss/schema/ttrss_schema_mysql.sql"},
   edits=["PostgreSQL: removed the function SUBSTRING_FOR_DATE (not a plain statement).", "Upstream seed INSERTs (admin user, filter types/actions, prefs, version) kept; generated rows avoid their keys.",
          "Upstream differences kept: ttrss_entries.tsvector_combined and ttrss_prefs_sections.section_name exist only in the PostgreSQL file.", "No SQLite schema upstream."]),
 "mediawiki": dict(pkg="mediawiki 1:1.39.17-1+deb12u2", lic="GPL-2.0-or-later",
   files={"pg": "/usr/share/mediawiki/maintenance/postgres/tables-generated.sql + extensions-core/OATHAuth/sql/postgres/tables-generated.sql + extensions-core/AbuseFilter/db_patches/postgres/tables-generated.sql",
          "mysql": "/usr/share/mediawiki/maintenance/tables-generated.sql + extensions-core/OATHAuth/sql/mysql/tables-generated.sql + extensions-core/AbuseFilter/db_patches/mysql/tables-generated.sql",
          "sqlite": "/usr/share/mediawiki/maintenance/sqlite/tables-generated.sql + the two extensions' sqlite/tables-generated.sql"},
   edits=["Concatenation of core + OATHAuth + AbuseFilter generated schemas; `/*_*/` and `/*$wgDBTableOptions*/` placeholders are SQL comments and were left as they are.",
          "Not included: maintenance/postgres/tables.sql (adds tsvector columns with plpgsql triggers) - routines are out of scope."]),
 "request-tracker": dict(pkg="request-tracker5 5.0.3+dfsg-3~deb12u7", lic="GPL-2.0-only",
   files={"pg": "/usr/share/request-tracker5/etc/schema.Pg", "mysql": "/usr/share/request-tracker5/etc/schema.mysql", "sqlite": "/usr/share/request-tracker5/etc/schema.SQLite"},
   edits=["SQLite: the file uses MySQL-style `#` end-of-line comments that sqlite3 rejects (RT's installer strips them); ` # ` turned into ` -- `. Nothing else changed.",
          "Upstream difference kept: the SQLite schema has no `sessions` table (RT keeps SQLite sessions on disk)."]),
 "amavisd-new": dict(pkg="amavisd-new 1:2.13.0-3+deb12u1", lic="GPL-2.0-or-later",
   files={"pg": "/usr/share/doc/amavisd-new/README.sql-pg.gz", "mysql": "/usr/share/doc/amavisd-new/README.sql-mysql.gz"},
   edits=["Upstream publishes the schema only inside these READMEs: gen/extract_ddl.py copies the CREATE TABLE / CREATE INDEX statements of the schema section (first 400 lines) verbatim, with their inline comments; prose, GRANTs, example queries and the later housekeeping examples (which repeat CREATE INDEX) are left out.",
          "Loader rule (a statement ends at a line ending with ';'): inside CREATE TABLE msgs one comment line ending with ';' had that ';' changed to ','; the comments trailing two CREATE INDEX statements after their ';' were moved to the line above. SQL text itself unchanged.",
          "No SQLite (the README only gives notes for SQLite)."]),
 "phpmyadmin": dict(pkg="phpmyadmin 4:5.2.1+dfsg-1+deb12u1", lic="GPL-2.0-only",
   files={"mysql": "/usr/share/phpmyadmin/sql/create_tables.sql", "pg": "(hand conversion of the MySQL file)"},
   edits=["MySQL: removed `CREATE DATABASE IF NOT EXISTS phpmyadmin ...` and `USE phpmyadmin;` (loader rule); everything else verbatim.",
          "PostgreSQL: upstream ships MySQL only. gen/my2pg.py converts mechanically: backticks -> double quotes (names and case unchanged); int unsigned auto_increment -> serial / bigserial; int(n)/bigint(n) unsigned -> integer/bigint; float unsigned -> real; longtext/mediumtext -> text; datetime -> timestamp; COLLATE / CHARACTER SET / ON UPDATE CURRENT_TIMESTAMP dropped; enum('Y','N') -> varchar(1) CHECK (...IN...); set(...) -> varchar(255); KEY -> CREATE INDEX <table>_<key>; UNIQUE KEY -> named UNIQUE constraint; table COMMENT -> COMMENT ON TABLE."]),
 "bacula": dict(pkg="bacula-director-pgsql / bacula-director-mysql / bacula-director-sqlite3 9.6.7-7 (source bacula)", lic="BSD-2-Clause",
   files={"pg": "/usr/share/dbconfig-common/data/bacula-director-pgsql/install/pgsql", "mysql": "/usr/share/dbconfig-common/data/bacula-director-mysql/install/mysql", "sqlite": "/usr/share/dbconfig-common/data/bacula-director-sqlite3/install/sqlite3"},
   edits=["none: copied verbatim (same DDL as make_*_tables, whose header states 'License: BSD 2-Clause; see file LICENSE-FOSS'; Bacula as a whole is AGPL-3.0). Upstream INSERTs into Status and Version kept."]),
 "icinga2-ido": dict(pkg="icinga2-ido-mysql / icinga2-ido-pgsql 2.13.6-2+deb12u2 (source icinga2)", lic="GPL-2.0-or-later",
   files={"pg": "/usr/share/icinga2-ido-pgsql/schema/pgsql.sql", "mysql": "/usr/share/icinga2-ido-mysql/schema/mysql.sql"},
   edits=["PostgreSQL: removed functions from_unixtime, unix_timestamp, updatedbversion and their two `DROP FUNCTION IF EXISTS` lines; `SELECT updatedbversion('1.14.3');` replaced by the INSERT that function performs on an empty database.",
          "MySQL: verbatim (its final INSERT ... ON DUPLICATE KEY UPDATE is a plain statement).",
          "Upstream differences kept: session_token exists in 5 tables only in the PostgreSQL file. No SQLite schema upstream."]),
 "jabberd2": dict(pkg="jabberd2 2.7.0-4+b2", lic="GPL-2.0-or-later (Debian copyright: GPL-2+ with an OpenSSL linking exception)",
   files={"pg": "/usr/share/doc/jabberd2/db-setup.pgsql.gz", "mysql": "/usr/share/doc/jabberd2/db-setup.mysql.gz", "sqlite": "/usr/share/doc/jabberd2/db-setup.sqlite.gz"},
   edits=["Decompressed (gen/prep_blind2.sh).", "MySQL: `CREATE DATABASE jabberd2;` and `USE jabberd2;` turned into comments (loader rule); the `#` end-of-line comment in vcard.bday kept (MariaDB accepts it).",
          "SQLite: `PRAGMA page_size = 4096;` and `PRAGMA journal_mode = WAL;` turned into comments (session/file settings, and WAL mode would stick to the database file); its BEGIN;/COMMIT; kept.",
          "Upstream differences kept: tables published-roster, published-roster-groups (mod_roster_publish) and verify exist only in the SQLite file (listed in expect.toml [[dialect_only]])."]),
 "icingaweb2": dict(pkg="icingaweb2 2.11.4-2+deb12u1", lic="GPL-2.0-or-later",
   files={"pg": "/usr/share/icingaweb2/schema/pgsql.schema.sql", "mysql": "/usr/share/icingaweb2/schema/mysql.schema.sql"},
   edits=["PostgreSQL: removed the function unix_timestamp(timestamp with time zone) (gen/strip_routines.py; not a plain statement, and the schema itself does not use it).",
          "MySQL: verbatim. Both files keep their seed `INSERT INTO icingaweb_schema`; the rows files insert nothing into that table.", "No SQLite schema upstream."]),
 "zoneminder": dict(pkg="zoneminder 1.36.33+dfsg1-1", lic="GPL-2.0-or-later",
   files={"mysql": "/usr/share/zoneminder/db/zm_create.sql"},
   edits=["`CREATE DATABASE /*!32312 IF NOT EXISTS*/ `zm`;` and `USE `zm`;` turned into comments (loader rule).",
          "`source /usr/share/zoneminder/db/triggers.sql` (a mysql client command loading the Events_* summary triggers, DELIMITER-based) turned into a comment: triggers are not plain statements.",
          "Everything else verbatim, including the mysqldump-style `/*!40101 SET ... */` session lines, the DROP TABLE IF EXISTS lines and the seed INSERTs (Config, Controls, MonitorPresets, ZonePresets, States, MontageLayouts, Storage, the `admin` user with a $2b$12$ bcrypt hash, two sample Filters); the rows file avoids their keys.",
          "MySQL only upstream; no hand conversion (34 tables, enum/set types everywhere)."]),
}
# apps added later (split key blind2) are fetched and prepared by their own scripts
BLIND2 = {"jabberd2", "icingaweb2", "zoneminder", "opendmarc", "ledgersmb", "ulogd2"}
for app, m in M.items():
    d = os.path.join(ROOT, app)
    fetch, prep = ("gen/fetch_blind2.sh", "gen/prep_blind2.sh") if app in BLIND2 else ("gen/fetch.sh", "gen/prep.sh")
    if not os.path.isdir(d):
        continue
    lines = ["# %s - provenance" % app, "", "- Package: %s" % m["pkg"], "- Source: Debian 12 (bookworm) archive, fetched with `apt-get download` and unpacked with `dpkg-deb -x` (%s)" % fetch,
             "- Upstream licence (SPDX): %s" % m["lic"], "", "## Files", ""]
    for k, v in m["files"].items():
        lines.append("- schema.%s.sql <- `%s`" % ({"pg": "pg", "mysql": "mysql", "sqlite": "sqlite"}[k], v))
    lines += ["", "## Edits to the upstream DDL", ""] + ["- " + e for e in m["edits"]]
    lines += ["", "Copy and edits are scripted in %s (+ gen/strip_routines.py, gen/extract_ddl.py, gen/my2pg.py). Table and column names, types, keys, indexes and comments are otherwise as upstream wrote them." % prep,
              "", "## Rows and labels", "", "rows.*.sql and labels.tsv are written by the generator named in gen/ for this app (see README.md); all people are synthetic (Faker fr_FR / en_GB / en_US)."]
    open(os.path.join(d, "PROVENANCE.md"), "w").write("\n".join(lines) + "\n")
    print("wrote", app)
