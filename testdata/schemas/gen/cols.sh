#!/bin/bash
# print table: col(type) compact listing of an app (mysql schema, else pg)
app=$1; db=corpus_$(echo $app | tr -cd 'a-z0-9')_cols; d=/work/schemas-corpus/$app
if [ -f $d/schema.mysql.sql ]; then
mariadb -uroot -h 127.0.0.1 -e "drop database if exists $db; create database $db"; mariadb -uroot -h 127.0.0.1 $db < $d/schema.mysql.sql
mariadb -uroot -h 127.0.0.1 -N -B -e "select table_name, group_concat(concat(column_name,':',column_type) order by ordinal_position separator ', ') from information_schema.columns where table_schema='$db' group by table_name" 
mariadb -uroot -h 127.0.0.1 -e "drop database $db"
else
psql -h 127.0.0.1 -U postgres -X -q -c "drop database if exists $db" -c "create database $db" postgres; psql -h 127.0.0.1 -U postgres -X -q -d $db -f $d/schema.pg.sql >/dev/null
psql -h 127.0.0.1 -U postgres -X -At -d $db -c "select table_name, string_agg(column_name||':'||data_type, ', ' order by ordinal_position) from information_schema.columns where table_schema='public' group by table_name"
psql -h 127.0.0.1 -U postgres -X -q -c "drop database $db" postgres
fi
