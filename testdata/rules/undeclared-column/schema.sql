-- undeclared-column: columns of a personal-data table that no purpose declares and no role
-- of the policy uses.
CREATE TABLE eleves (
  id INTEGER PRIMARY KEY, nom VARCHAR(100), telephone VARCHAR(20), commande VARCHAR(20),
  inscrit_le DATE, classe_id INTEGER, created_at TIMESTAMP NULL
);
INSERT INTO eleves VALUES (1, 'A', '0601020304', 'X1', '2026-09-01', 1, NULL);
-- A table nothing marks as personal, whose values are e-mail addresses (5 sampled values).
CREATE TABLE imports (id INTEGER PRIMARY KEY, contact VARCHAR(100), lot VARCHAR(10));
INSERT INTO imports VALUES
  (1, 'c1@example.org', 'L1'), (2, 'c2@example.org', 'L2'), (3, 'c3@example.org', 'L3'),
  (4, 'c4@example.org', 'L4'), (5, 'c5@example.org', 'L5');
-- Four values are too few to judge by values.
CREATE TABLE lots (id INTEGER PRIMARY KEY, responsable VARCHAR(100));
INSERT INTO lots VALUES
  (1, 'r1@example.org'), (2, 'r2@example.org'), (3, 'r3@example.org'), (4, 'r4@example.org');
-- Not personal: no column rule on it.
CREATE TABLE salles (id INTEGER PRIMARY KEY, libelle VARCHAR(50));
INSERT INTO salles VALUES (1, 'B12');
