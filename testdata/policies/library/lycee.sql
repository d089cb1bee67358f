-- A public lycée's school-life application (Pronote-like), scanned with policies/lycee.toml
-- at as-of 2026-11-23. What is planted, and found (tests/policy_library.rs):
-- pupils 3 and 4 left in July 2026 and are still there; marks and absences of 2024-2025 are past
-- the school year; one teacher's observation judges a pupil, one reveals health; the health
-- column of the pupils' table is art. 9 data the dispense n° 17 excludes; an ENT account of a
-- pupil who left in June is still open; last year's livret scolaire is still in the active base.
CREATE TABLE eleves (
  id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, date_naissance TEXT, ine TEXT, classe TEXT,
  date_sortie TEXT, sante TEXT
);
INSERT INTO eleves VALUES
  (1, 'Martin', 'Léa', '2009-03-14', '1234567890A', '2nde 3', NULL, NULL),
  (2, 'Bernard', 'Hugo', '2008-11-02', '1234567891B', '1re G2', NULL, NULL),
  (3, 'Petit', 'Inès', '2007-05-21', '1234567892C', 'Tle G1', '2026-07-04', NULL),
  (4, 'Durand', 'Noah', '2007-09-30', '1234567893D', 'Tle G1', '2026-07-04', 'asthme'),
  (5, 'Leroy', 'Jade', '2010-01-08', '1234567894E', '2nde 1', NULL, NULL);

CREATE TABLE responsables (
  id INTEGER PRIMARY KEY, eleve_id INTEGER REFERENCES eleves(id), nom TEXT, prenom TEXT,
  email TEXT, telephone TEXT, lien TEXT, fin_de_lien TEXT
);
INSERT INTO responsables VALUES
  (1, 1, 'Martin', 'Sophie', 'sophie.martin@example.org', '0612345678', 'mère', NULL),
  (2, 3, 'Petit', 'Karim', 'k.petit@example.org', '0698765432', 'père', '2026-07-04'),
  (3, 5, 'Leroy', 'Anne', 'anne.leroy@example.org', NULL, 'mère', NULL);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY, eleve_id INTEGER REFERENCES eleves(id), matiere TEXT, valeur REAL,
  periode TEXT, saisie_le TEXT
);
INSERT INTO notes VALUES
  (1, 1, 'Mathématiques', 14.5, 'T1', '2026-11-10'),
  (2, 2, 'Histoire', 11.0, 'T1', '2026-11-12'),
  (3, 2, 'Histoire', 9.5, 'T3', '2025-06-10'),
  (4, 3, 'Philosophie', 12.0, 'T2', '2025-03-20');

CREATE TABLE absences (
  id INTEGER PRIMARY KEY, eleve_id INTEGER REFERENCES eleves(id), jour TEXT, motif TEXT
);
INSERT INTO absences VALUES
  (1, 1, '2026-10-06', 'transport'),
  (2, 2, '2025-01-15', 'non justifiée'),
  (3, 5, '2026-11-02', 'rendez-vous');

CREATE TABLE observations (
  id INTEGER PRIMARY KEY, eleve_id INTEGER REFERENCES eleves(id), texte TEXT, ecrite_le TEXT
);
INSERT INTO observations VALUES
  (1, 1, 'Travail sérieux, bonne participation à l''oral', '2026-10-20'),
  (2, 2, 'Élève paresseux et insolent, un vrai boulet pour la classe', '2026-11-05'),
  (3, 5, 'Absente trois jours : hospitalisée pour une dépression', '2026-11-15'),
  (4, 2, '3 retards ce mois-ci, à surveiller', '2026-11-18');

CREATE TABLE livret_scolaire (
  id INTEGER PRIMARY KEY, eleve_id INTEGER REFERENCES eleves(id), appreciation TEXT,
  resultats_le TEXT
);
INSERT INTO livret_scolaire VALUES
  (1, 3, 'Très bon ensemble', '2026-07-07'),
  (2, 4, 'Ensemble satisfaisant', '2026-07-07');

CREATE TABLE comptes_ent (
  id INTEGER PRIMARY KEY, eleve_id INTEGER REFERENCES eleves(id), identifiant TEXT,
  depart_le TEXT, derniere_connexion TEXT
);
INSERT INTO comptes_ent VALUES
  (1, 1, 'lea.martin', NULL, '2026-11-20'),
  (2, 3, 'ines.petit', '2026-07-04', '2026-07-01'),
  (3, 5, 'jade.leroy', NULL, '2026-11-22');
