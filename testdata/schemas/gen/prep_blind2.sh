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
# opendmarc 1.4.2: dbconfig-common install script (MySQL only); CREATE DATABASE / USE turned into comments;
# PostgreSQL = hand conversion below (every rule listed in opendmarc/PROVENANCE.md)
mkdir -p $C/opendmarc
sed -e 's/^CREATE DATABASE IF NOT EXISTS opendmarc;$/-- (corpus) CREATE DATABASE IF NOT EXISTS opendmarc; removed/' -e 's/^USE opendmarc;$/-- (corpus) USE opendmarc; removed/' \
  $X/opendmarc/usr/share/dbconfig-common/data/opendmarc/install/mysql > $C/opendmarc/schema.mysql.sql
cat > $C/opendmarc/schema.pg.sql <<'EOS'
-- OpenDMARC database schema: hand conversion of /usr/share/dbconfig-common/data/opendmarc/install/mysql (see PROVENANCE.md)
-- Copyright (c) 2012, 2016, 2018, 2021, The Trusted Domain Project. All rights reserved.

-- A table for mapping domain names and their DMARC policies to IDs
CREATE TABLE IF NOT EXISTS domains (
	id SERIAL NOT NULL,
	name VARCHAR(255) NOT NULL,
	firstseen TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY(id),
	UNIQUE (name)
);

-- A table for logging encountered ARC selectors
CREATE TABLE IF NOT EXISTS selectors (
	id SERIAL NOT NULL,
	domain INT NOT NULL,
	name VARCHAR(255) NOT NULL,
	firstseen TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY(id),
	UNIQUE (name, domain)
);
CREATE INDEX selectors_name ON selectors (name);

-- A table for logging ARC-Authentication-Results information
CREATE TABLE IF NOT EXISTS arcauthresults (
	id SERIAL NOT NULL,
	message BIGINT NOT NULL,
	instance BIGINT NOT NULL,
	arc_client_addr VARCHAR(64) NOT NULL DEFAULT '',
	PRIMARY KEY(id),
	UNIQUE (message, instance)
);
CREATE INDEX arcauthresults_message ON arcauthresults (message);

-- A table for logging ARC-Seal information
CREATE TABLE IF NOT EXISTS arcseals (
	id SERIAL NOT NULL,
	message BIGINT NOT NULL,
	domain BIGINT NOT NULL,
	selector BIGINT NOT NULL,
	instance BIGINT NOT NULL,
	firstseen TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY(id),
	UNIQUE (message, domain, selector, instance)
);
CREATE INDEX arcseals_message ON arcseals (message);

-- A table for logging reporting requests
CREATE TABLE IF NOT EXISTS requests (
	id SERIAL NOT NULL,
	domain INT NOT NULL,
	repuri VARCHAR(255) NOT NULL DEFAULT '',
	adkim SMALLINT NOT NULL DEFAULT '0',
	aspf SMALLINT NOT NULL DEFAULT '0',
	policy SMALLINT NOT NULL DEFAULT '0',
	spolicy SMALLINT NOT NULL DEFAULT '0',
	pct SMALLINT NOT NULL DEFAULT '0',
	locked SMALLINT NOT NULL DEFAULT '0',
	firstseen TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	lastsent TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:01',
	PRIMARY KEY(id),
	UNIQUE (domain)
);
CREATE INDEX requests_lastsent ON requests (lastsent);

-- A table for reporting hosts
CREATE TABLE IF NOT EXISTS reporters (
	id SERIAL NOT NULL,
	name VARCHAR(255) NOT NULL,
	firstseen TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY(id),
	UNIQUE (name)
);

-- A table for connecting client IP addresses
CREATE TABLE IF NOT EXISTS ipaddr (
	id SERIAL NOT NULL,
	addr VARCHAR(64) NOT NULL,
	firstseen TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY(id),
	UNIQUE (addr)
);

-- A table for messages
CREATE TABLE IF NOT EXISTS messages (
	id SERIAL NOT NULL,
	date TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
	jobid VARCHAR(128) NOT NULL,
	reporter BIGINT NOT NULL,
	policy SMALLINT NOT NULL,
	disp SMALLINT NOT NULL,
	ip BIGINT NOT NULL,
	env_domain BIGINT NOT NULL,
	from_domain BIGINT NOT NULL,
	policy_domain BIGINT NOT NULL,
	spf SMALLINT NOT NULL,
	align_dkim SMALLINT NOT NULL,
	align_spf SMALLINT NOT NULL,
	sigcount SMALLINT NOT NULL,
	arc SMALLINT NOT NULL,
	arc_policy SMALLINT NOT NULL,
	PRIMARY KEY(id),
	UNIQUE (reporter, date, jobid)
);
CREATE INDEX messages_date ON messages (date);

-- A table for signatures
CREATE TABLE IF NOT EXISTS signatures (
	id SERIAL NOT NULL,
	message BIGINT NOT NULL,
	domain BIGINT NOT NULL,
	selector BIGINT NOT NULL,
	pass SMALLINT NOT NULL,
	error SMALLINT NOT NULL,
	PRIMARY KEY(id)
);
CREATE INDEX signatures_message ON signatures (message);
EOS
# ulogd2 2.0.8: the "flat" schemas of the PGSQL / MYSQL output plugins (/usr/share/doc/ulogd2/*-ulogd2-flat.sql.gz)
# and the table file of the SQLITE3 output plugin (/usr/share/doc/ulogd2/sqlite3.table)
U=$X/ulogd2/usr/share/doc/ulogd2; mkdir -p $C/ulogd2
zcat $U/pgsql-ulogd2-flat.sql.gz > $C/ulogd2/schema.pg.sql
python3 $C/gen/strip_routines.py $C/ulogd2/schema.pg.sql
zcat $U/mysql-ulogd2-flat.sql.gz > /tmp/mysql-ulogd2-flat.sql
python3 $C/gen/ulogd_plain.py /tmp/mysql-ulogd2-flat.sql $C/ulogd2/schema.mysql.sql
cp $U/sqlite3.table $C/ulogd2/schema.sqlite.sql
