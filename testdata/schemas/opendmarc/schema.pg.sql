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
