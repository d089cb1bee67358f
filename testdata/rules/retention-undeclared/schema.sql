-- retention-undeclared: personal-data tables of the policy with no [[purpose.retention]].
CREATE TABLE eleves (id INTEGER PRIMARY KEY, nom VARCHAR(100), inscrit_le DATE);
CREATE TABLE inscriptions (id INTEGER PRIMARY KEY, eleve_id INTEGER, formation VARCHAR(50), le DATE);
CREATE TABLE consentements (id INTEGER PRIMARY KEY, eleve_id INTEGER, finalite VARCHAR(20), donne_le DATE);
CREATE TABLE abonnements (id INTEGER PRIMARY KEY, eleve_id INTEGER);
CREATE TABLE salles (id INTEGER PRIMARY KEY, libelle VARCHAR(50));
-- Not named by the policy: the policy decides which tables are personal for this rule.
CREATE TABLE contacts_import (id INTEGER PRIMARY KEY, email VARCHAR(100));
INSERT INTO eleves VALUES (1, 'A', '2026-09-01');
