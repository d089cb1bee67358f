#!/bin/bash
# Copy upstream DDL of the apps added later (split key blind2) out of the extracted Debian packages into
# <app>/schema.*.sql, applying the minimal edits recorded in each PROVENANCE.md (gen/provenance.py).
set -e
C=$(cd "$(dirname "$0")/.." && pwd); X=$C/_dl/x
# jabberd2 2.7.0: db-setup.{pgsql,mysql,sqlite}.gz (documentation examples the admin loads by hand)
J=$X/jabberd2/usr/share/doc/jabberd2; mkdir -p $C/jabberd2
zcat $J/db-setup.pgsql.gz > $C/jabberd2/schema.pg.sql
zcat $J/db-setup.mysql.gz | sed -e 's/^CREATE DATABASE jabberd2;$/-- (corpus) CREATE DATABASE jabberd2; removed/' -e 's/^USE jabberd2;$/-- (corpus) USE jabberd2; removed/' > $C/jabberd2/schema.mysql.sql
zcat $J/db-setup.sqlite.gz | sed -e 's/^PRAGMA \(.*\);$/-- (corpus) PRAGMA \1 removed/' > $C/jabberd2/schema.sqlite.sql
# icingaweb2 2.11.4: /usr/share/icingaweb2/schema/{pgsql,mysql}.schema.sql
I=$X/icingaweb2/usr/share/icingaweb2/schema; mkdir -p $C/icingaweb2
cp $I/pgsql.schema.sql $C/icingaweb2/schema.pg.sql; cp $I/mysql.schema.sql $C/icingaweb2/schema.mysql.sql
python3 $C/gen/strip_routines.py $C/icingaweb2/schema.pg.sql
# zoneminder 1.36.33: /usr/share/zoneminder/db/zm_create.sql (MySQL only; a mysqldump-style file + seed data)
mkdir -p $C/zoneminder
sed -e 's/^CREATE DATABASE \/\*!32312 IF NOT EXISTS\*\/ `zm`;$/-- (corpus) CREATE DATABASE `zm`; removed/' -e 's/^USE `zm`;$/-- (corpus) USE `zm`; removed/' \
  -e "s|^source /usr/share/zoneminder/db/triggers.sql\$|-- (corpus) source /usr/share/zoneminder/db/triggers.sql removed (triggers are not plain statements)|" \
  $X/zoneminder/usr/share/zoneminder/db/zm_create.sql > $C/zoneminder/schema.mysql.sql
# ledgersmb 1.6.33: /usr/share/ledgersmb/sql/Pg-database.sql (PostgreSQL only; a psql script) made plain by gen/lsmb_plain.py
mkdir -p $C/ledgersmb
python3 $C/gen/lsmb_plain.py $X/ledgersmb/usr/share/ledgersmb/sql/Pg-database.sql $C/ledgersmb/schema.pg.sql
