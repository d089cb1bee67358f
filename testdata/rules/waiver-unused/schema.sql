-- waiver-unused: a waiver that matched no finding of a rule that ran.
CREATE TABLE prospects (
  id INTEGER PRIMARY KEY, email VARCHAR(100), dernier_contact DATE NULL
);
INSERT INTO prospects VALUES
  (1, 'a@example.org', '2026-01-01'),  -- within retention
  (2, 'b@example.org', NULL);          -- anchor missing: the waiver of that rule is used
CREATE TABLE interactions (id INTEGER PRIMARY KEY, prospect_id INTEGER, commentaire TEXT);
INSERT INTO interactions VALUES (1, 1, 'Rappeler mardi pour la plaquette');
-- A password column with one accepted hash (bcrypt, cost 10): no weak hash.
CREATE TABLE comptes (id INTEGER PRIMARY KEY, email VARCHAR(100), mot_de_passe VARCHAR(255));
INSERT INTO comptes VALUES (1, 'a@example.org', '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy');
