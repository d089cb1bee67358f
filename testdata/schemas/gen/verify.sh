#!/bin/bash
# Load every app (schema + rows) into fresh scratch databases corpus_<app>_verify on PostgreSQL and MariaDB
# (and SQLite when the app ships a SQLite schema), stop at the first error, compare the catalogue with labels.tsv,
# drop the scratch databases, print a markdown summary. Exit 1 on any problem.
exec python3 "$(dirname "$0")/verify.py" "$@"
