-- access-public-grant. SQLite has no accounts or privileges: the check is skipped. The grants
-- are in schema.postgres.sql and schema.mariadb.sql.
CREATE TABLE eleves (id INTEGER PRIMARY KEY, nom VARCHAR(100));
CREATE TABLE parents (id INTEGER PRIMARY KEY, nom VARCHAR(100), telephone VARCHAR(20));
CREATE TABLE notes (id INTEGER PRIMARY KEY, eleve_id INTEGER, note INTEGER);
CREATE TABLE salles (id INTEGER PRIMARY KEY, libelle VARCHAR(50));
