#!/bin/bash
# Copy upstream DDL files out of the extracted Debian packages into <app>/schema.*.sql,
# applying the minimal edits recorded in each PROVENANCE.md.
set -e
X=/work/schemas-corpus/_dl/x; C=/work/schemas-corpus
F=$X/freeradius-config/etc/freeradius/3.0/mods-config/sql/main; mkdir -p $C/freeradius
cp $F/postgresql/schema.sql $C/freeradius/schema.pg.sql; cp $F/mysql/schema.sql $C/freeradius/schema.mysql.sql; cp $F/sqlite/schema.sql $C/freeradius/schema.sqlite.sql
R=$X/roundcube-core/usr/share/roundcube/SQL; mkdir -p $C/roundcube
cp $R/postgres.initial.sql $C/roundcube/schema.pg.sql; cp $R/mysql.initial.sql $C/roundcube/schema.mysql.sql; cp $R/sqlite.initial.sql $C/roundcube/schema.sqlite.sql
# kamailio: concatenation of the per-module *-create.sql files (same order for each dialect)
KMODS="standard auth_db acc alias_db domain group usrloc permissions msilo siptrace speeddial userblocklist dialog presence uac avpops dispatcher htable"
mkdir -p $C/kamailio; : > $C/kamailio/schema.mysql.sql; : > $C/kamailio/schema.pg.sql; : > $C/kamailio/schema.sqlite.sql
for m in $KMODS; do
  for p in "mysql mysql" "postgres pg" "db_sqlite sqlite"; do set -- $p; pk=$([ $1 = db_sqlite ] && echo sqlite || echo $1)
    (echo "-- module $m: /usr/share/kamailio/$1/$m-create.sql"; cat $X/kamailio-$pk-modules/usr/share/kamailio/$1/$m-create.sql; echo) >> $C/kamailio/schema.$([ $2 = mysql ] && echo mysql || echo $2).sql
  done
done
# spamassassin: userpref + awl + bayes + txrep + decodeshorturl
S=$X/spamassassin/usr/share/doc/spamassassin/sql; mkdir -p $C/spamassassin
for d in mysql pg; do : > $C/spamassassin/schema.$([ $d = pg ] && echo pg || echo mysql).sql
  for m in userpref awl bayes txrep decodeshorturl; do (echo "-- $m_$d.sql"; cat $S/${m}_$d.sql; echo) >> $C/spamassassin/schema.$([ $d = pg ] && echo pg || echo mysql).sql; done; done
# ejabberd (new schema = multi-host "server_host" layout is optional; we use the default single-host files)
E=$X/ejabberd/usr/share/ejabberd/sql; mkdir -p $C/ejabberd
cp $E/pg.sql $C/ejabberd/schema.pg.sql; cp $E/mysql.sql $C/ejabberd/schema.mysql.sql; cp $E/lite.sql $C/ejabberd/schema.sqlite.sql
# powerdns
mkdir -p $C/powerdns
cp $X/pdns-backend-pgsql/usr/share/pdns-backend-pgsql/schema/schema.pgsql.sql $C/powerdns/schema.pg.sql
cp $X/pdns-backend-mysql/usr/share/pdns-backend-mysql/schema/schema.mysql.sql $C/powerdns/schema.mysql.sql
cp $X/pdns-backend-sqlite3/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql $C/powerdns/schema.sqlite.sql
# gammu-smsd
G=$X/gammu-smsd/usr/share/doc/gammu-smsd/examples; mkdir -p $C/gammu-smsd
cp $G/pgsql.sql $C/gammu-smsd/schema.pg.sql; cp $G/mysql.sql $C/gammu-smsd/schema.mysql.sql; cp $G/sqlite.sql $C/gammu-smsd/schema.sqlite.sql
# coturn: one generic schema.sql for all back-ends
mkdir -p $C/coturn
for d in pg mysql sqlite; do cp $X/coturn/usr/share/coturn/schema.sql $C/coturn/schema.$d.sql; done
# gnokii smsd
mkdir -p $C/gnokii-smsd
cp $X/gnokii-smsd-pgsql/usr/share/doc/gnokii-smsd-pgsql/sms.tables.pq.sql $C/gnokii-smsd/schema.pg.sql
cp $X/gnokii-smsd-mysql/usr/share/doc/gnokii-smsd-mysql/sms.tables.mysql.sql $C/gnokii-smsd/schema.mysql.sql
# tt-rss
mkdir -p $C/tt-rss
cp $X/tt-rss/usr/share/tt-rss/schema/ttrss_schema_pgsql.sql $C/tt-rss/schema.pg.sql
cp $X/tt-rss/usr/share/tt-rss/schema/ttrss_schema_mysql.sql $C/tt-rss/schema.mysql.sql
# rsyslog
mkdir -p $C/rsyslog
cp $X/rsyslog-pgsql/usr/share/dbconfig-common/data/rsyslog-pgsql/install/pgsql $C/rsyslog/schema.pg.sql
cp $X/rsyslog-mysql/usr/share/dbconfig-common/data/rsyslog-mysql/install/mysql $C/rsyslog/schema.mysql.sql
# routines/triggers/languages are not plain statements: strip them (listed in PROVENANCE.md)
for f in gammu-smsd/schema.pg.sql gammu-smsd/schema.sqlite.sql spamassassin/schema.pg.sql tt-rss/schema.pg.sql; do python3 $C/gen/strip_routines.py $C/$f; done
# gnokii-smsd: upstream's PostgreSQL file has no multipartinbox table (MySQL one has); hand conversion appended
cat >> $C/gnokii-smsd/schema.pg.sql <<'EOS'

-- Added for the corpus: hand conversion of the MySQL-only table multipartinbox (see PROVENANCE.md)
CREATE TABLE "multipartinbox" (
	"id" serial,
	"number" character varying(20) NOT NULL default '',
	"smsdate" timestamp NOT NULL,
	"insertdate" timestamp DEFAULT now(),
	"text" text,
	"phone" smallint,
	"processed" smallint NOT NULL default '0',
	"refnum" integer default NULL,
	"maxnum" integer default NULL,
	"curnum" integer default NULL,
	PRIMARY KEY ("id")
);
EOS
# mediawiki 1.39: core tables-generated.sql + OATHAuth + AbuseFilter extensions (shipped in extensions-core)
M=$X/mediawiki/usr/share/mediawiki; mkdir -p $C/mediawiki
cat $M/maintenance/tables-generated.sql $M/extensions-core/OATHAuth/sql/mysql/tables-generated.sql $M/extensions-core/AbuseFilter/db_patches/mysql/tables-generated.sql > $C/mediawiki/schema.mysql.sql
cat $M/maintenance/postgres/tables-generated.sql $M/extensions-core/OATHAuth/sql/postgres/tables-generated.sql $M/extensions-core/AbuseFilter/db_patches/postgres/tables-generated.sql > $C/mediawiki/schema.pg.sql
cat $M/maintenance/sqlite/tables-generated.sql $M/extensions-core/OATHAuth/sql/sqlite/tables-generated.sql $M/extensions-core/AbuseFilter/db_patches/sqlite/tables-generated.sql > $C/mediawiki/schema.sqlite.sql
# request-tracker5 5.0.3
RT=$X/request-tracker5/usr/share/request-tracker5/etc; mkdir -p $C/request-tracker
cp $RT/schema.Pg $C/request-tracker/schema.pg.sql; cp $RT/schema.mysql $C/request-tracker/schema.mysql.sql; cp $RT/schema.SQLite $C/request-tracker/schema.sqlite.sql
# RT's SQLite file contains MySQL-style '#' comments that sqlite3 rejects: turned into '--' comments
sed -i 's/\(\s\)#\(\s\)/\1--\2/' $C/request-tracker/schema.sqlite.sql
# amavisd-new: schema is only published inside README.sql-pg / README.sql-mysql: statements extracted verbatim
mkdir -p $C/amavisd-new; A=$X/amavisd-new/usr/share/doc/amavisd-new
zcat $A/README.sql-pg.gz > /tmp/README.sql-pg; zcat $A/README.sql-mysql.gz > /tmp/README.sql-mysql
python3 $C/gen/extract_ddl.py /tmp/README.sql-pg $C/amavisd-new/schema.pg.sql 400
python3 $C/gen/extract_ddl.py /tmp/README.sql-mysql $C/amavisd-new/schema.mysql.sql 400
# phpmyadmin: MySQL-only upstream; remove CREATE DATABASE/USE (not allowed by the loader); PG = hand conversion
mkdir -p $C/phpmyadmin; PMA=$X/phpmyadmin/usr/share/phpmyadmin/sql/create_tables.sql
python3 - $PMA $C/phpmyadmin/schema.mysql.sql <<'EOP'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r"CREATE DATABASE IF NOT EXISTS `phpmyadmin`\s*DEFAULT CHARACTER SET utf8 COLLATE utf8_bin;\n", "-- (corpus) CREATE DATABASE removed\n", s)
s = re.sub(r"\nUSE phpmyadmin;\n", "\n-- (corpus) USE phpmyadmin removed\n", s)
open(sys.argv[2], "w").write(s)
EOP
python3 $C/gen/my2pg.py $C/phpmyadmin/schema.mysql.sql $C/phpmyadmin/schema.pg.sql
# bacula 9.6.7: the dbconfig-common install scripts (plain SQL, the same DDL as make_*_tables)
mkdir -p $C/bacula
cp $X/bacula-director-pgsql/usr/share/dbconfig-common/data/bacula-director-pgsql/install/pgsql $C/bacula/schema.pg.sql
cp $X/bacula-director-mysql/usr/share/dbconfig-common/data/bacula-director-mysql/install/mysql $C/bacula/schema.mysql.sql
cp $X/bacula-director-sqlite3/usr/share/dbconfig-common/data/bacula-director-sqlite3/install/sqlite3 $C/bacula/schema.sqlite.sql
# icinga2 IDO (2.13.6)
mkdir -p $C/icinga2-ido
cp $X/icinga2-ido-pgsql/usr/share/icinga2-ido-pgsql/schema/pgsql.sql $C/icinga2-ido/schema.pg.sql
cp $X/icinga2-ido-mysql/usr/share/icinga2-ido-mysql/schema/mysql.sql $C/icinga2-ido/schema.mysql.sql
python3 $C/gen/strip_routines.py $C/icinga2-ido/schema.pg.sql
python3 - $C/icinga2-ido/schema.pg.sql <<'EOP'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace("DROP FUNCTION IF EXISTS from_unixtime(bigint);\n", "").replace("DROP FUNCTION IF EXISTS unix_timestamp(timestamp WITH TIME ZONE);\n", "")
s = s.replace("SELECT updatedbversion('1.14.3');", "-- (corpus) was: SELECT updatedbversion('1.14.3'); -- the function's effect on an empty database:\nINSERT INTO icinga_dbversion (dbversion_id, name, version, create_time, modify_time) VALUES ('1', 'idoutils', '1.14.3', NOW(), NOW());")
open(p, "w").write(s)
EOP
