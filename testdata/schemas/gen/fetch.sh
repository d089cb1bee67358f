#!/bin/bash
# Download (apt-get download, Debian 12 bookworm mirrors) and unpack the packages whose DDL the corpus uses.
# Result: _dl/x/<package>/... (not part of the corpus; delete it when done).
set -e
C=/work/schemas-corpus; mkdir -p $C/_dl/x; cd $C/_dl
PKGS="freeradius-config roundcube-core kamailio-mysql-modules kamailio-postgres-modules kamailio-sqlite-modules spamassassin ejabberd
pdns-backend-mysql pdns-backend-pgsql pdns-backend-sqlite3 gammu-smsd coturn gnokii-smsd-mysql gnokii-smsd-pgsql tt-rss rsyslog-mysql rsyslog-pgsql
mediawiki request-tracker5 amavisd-new phpmyadmin bacula-director-mysql bacula-director-pgsql bacula-director-sqlite3 icinga2-ido-mysql icinga2-ido-pgsql"
for p in $PKGS; do
  ls ${p}_*.deb >/dev/null 2>&1 || apt-get download $p
  [ -d x/$p ] || { mkdir -p x/$p; dpkg-deb -x ${p}_*.deb x/$p; }
done
