#!/bin/bash
# Rebuild the whole corpus: fetch packages, copy/edit DDL, generate rows + labels, write expect.toml.
set -e
G=$(dirname "$0")
bash $G/fetch.sh
bash $G/prep.sh
for s in app_freeradius app_roundcube app_kamailio app_ejabberd app_small app_ttrss app_mediawiki app_rt app_amavis app_phpmyadmin app_bacula app_icinga; do
  python3 $G/$s.py
done
# apps added later (split key blind2)
bash $G/fetch_blind2.sh
bash $G/prep_blind2.sh
for s in app_jabberd2 app_icingaweb2 app_zoneminder app_ledgersmb app_opendmarc app_ulogd2; do
  python3 $G/$s.py
done
python3 $G/expect.py
python3 $G/split.py
python3 $G/provenance.py
