-- A university's admission platform and student registry, scanned with
-- policies/universite.toml at as-of 2026-11-23. What is planted, and found
-- (tests/policy_library.rs): the 2024 campaign's applicants (closed 2024-09-15, more than
-- 2 years ago) still carry their names, one already anonymised; access logs older than a year;
-- scripts of the January 2025 jury; an ENT account of a student gone in June; a request
-- unanswered for two months and one answered late; the commission wrote an applicant's
-- religion; the registry still holds a social-security number column.
CREATE TABLE candidatures (
  id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT, ine TEXT, date_naissance TEXT,
  formation TEXT, decision TEXT, fin_campagne TEXT, avis_commission TEXT
);
INSERT INTO candidatures VALUES
  (1, 'Moreau', 'Adam', 'adam.m@example.org', '2234567890A', '2006-04-02', 'Licence Droit', 'refuse', '2024-09-15', 'Dossier moyen'),
  (2, 'Simon', 'Lina', 'lina.s@example.org', '2234567891B', '2006-08-19', 'Licence Biologie', 'admis', '2024-09-15', NULL),
  (3, NULL, NULL, NULL, NULL, NULL, 'Licence Droit', 'refuse', '2024-09-15', NULL),
  (4, 'Laurent', 'Yanis', 'yanis.l@example.org', '2234567893D', '2008-02-11', 'Licence Histoire', 'en attente', '2026-09-15', 'Candidat musulman pratiquant, souhaite un aménagement'),
  (5, 'Michel', 'Chloé', 'chloe.m@example.org', '2234567894E', '2008-06-30', 'Licence Maths', 'admis', '2026-09-15', 'Très bon dossier');

CREATE TABLE journal_acces (
  id INTEGER PRIMARY KEY, candidature_id INTEGER REFERENCES candidatures(id), horodatage TEXT,
  adresse_ip TEXT
);
INSERT INTO journal_acces VALUES
  (1, 1, '2024-03-01 10:00:00', '192.0.2.1'),
  (2, 2, '2025-05-20 18:30:00', '192.0.2.2'),
  (3, 4, '2026-03-12 09:15:00', '192.0.2.4'),
  (4, 5, '2026-04-02 21:40:00', '192.0.2.5');

CREATE TABLE etudiants (
  id INTEGER PRIMARY KEY, ine TEXT, nom TEXT, prenom TEXT, email TEXT, date_naissance TEXT,
  composante TEXT, derniere_inscription TEXT, nir TEXT
);
INSERT INTO etudiants VALUES
  (1, '2234567891B', 'Simon', 'Lina', 'lina.s@example.org', '2006-08-19', 'Sciences', '2026-09-01', NULL),
  (2, '2134567890X', 'Roux', 'Tom', 'tom.roux@example.org', '2004-12-01', 'Droit', '2025-09-01', NULL);

CREATE TABLE copies (
  id INTEGER PRIMARY KEY, etudiant_id INTEGER REFERENCES etudiants(id), matiere TEXT, note REAL,
  date_jury TEXT
);
INSERT INTO copies VALUES
  (1, 2, 'Droit civil', 12.5, '2025-01-28'),
  (2, 2, 'Droit constitutionnel', 8.0, '2025-01-28'),
  (3, 1, 'Biologie cellulaire', 15.0, '2026-01-27');

CREATE TABLE comptes_ent (
  id INTEGER PRIMARY KEY, etudiant_id INTEGER REFERENCES etudiants(id), identifiant TEXT,
  depart_le TEXT
);
INSERT INTO comptes_ent VALUES
  (1, 1, 'lsimon', NULL),
  (2, 2, 'troux', '2026-06-30');

CREATE TABLE demandes_droits (
  id INTEGER PRIMARY KEY, etudiant_id INTEGER, type TEXT, recue_le TEXT, repondue_le TEXT,
  prolongee INTEGER
);
INSERT INTO demandes_droits VALUES
  (1, 2, 'acces', '2026-09-10', NULL, 0),
  (2, 1, 'rectification', '2026-03-02', '2026-05-20', 0),
  (3, 1, 'acces', '2026-11-02', NULL, 0);
