#!/bin/bash
# usage: tryload.sh <app>  -- load schema (+rows if present) into scratch DBs on every dialect, report, drop
app=$1; d=/work/schemas-corpus/$app; db=corpus_$(echo $app | tr -cd 'a-z0-9')_try
rc=0
if [ -f $d/schema.pg.sql ]; then
  psql -h 127.0.0.1 -U postgres -X -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" postgres >/dev/null
  for f in schema.pg.sql rows.pg.sql; do [ -f $d/$f ] && { psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1 -d $db -f $d/$f >/dev/null 2>/tmp/err.$$ || { echo "PG FAIL $f: $(head -c 600 /tmp/err.$$)"; rc=1; }; }; done
  psql -h 127.0.0.1 -U postgres -X -q -c "DROP DATABASE IF EXISTS $db" postgres
fi
if [ -f $d/schema.mysql.sql ]; then
  mariadb -uroot -h 127.0.0.1 -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db"
  for f in schema.mysql.sql rows.mysql.sql; do [ -f $d/$f ] && { mariadb -uroot -h 127.0.0.1 $db < $d/$f 2>/tmp/err.$$ || { echo "MY FAIL $f: $(head -c 600 /tmp/err.$$)"; rc=1; }; }; done
  mariadb -uroot -h 127.0.0.1 -e "DROP DATABASE IF EXISTS $db"
fi
if [ -f $d/schema.sqlite.sql ]; then
  rm -f /tmp/$db.sqlite
  for f in schema.sqlite.sql rows.sqlite.sql; do [ -f $d/$f ] && { sqlite3 -bail /tmp/$db.sqlite < $d/$f 2>/tmp/err.$$ || { echo "SQLITE FAIL $f: $(head -c 600 /tmp/err.$$)"; rc=1; }; }; done
  rm -f /tmp/$db.sqlite
fi
rm -f /tmp/err.$$
[ $rc = 0 ] && echo "$app OK"
exit $rc
