-- A sports club's members file, scanned with policies/club-sportif.toml at as-of 2026-11-23.
-- What is planted, and found (tests/policy_library.rs): a member who left in 2025 and one whose
-- guardian link ended are still there; last season's certificates; a remark revealing health;
-- photos of a member who never consented, of one who ticked nothing (pre-ticked box), of one
-- who withdrew; a 12-year-old's consent without a parent's agreement; a consent without proof.
CREATE TABLE licencies (
  id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, date_naissance TEXT, email TEXT, telephone TEXT,
  numero_licence TEXT, categorie TEXT, date_depart TEXT, remarques TEXT
);
INSERT INTO licencies VALUES
  (1, 'Faure', 'Louis', '1990-05-12', 'louis.f@example.org', '0601020304', 'FFX-2026-0001', 'senior', NULL, 'Capitaine de l''équipe 1'),
  (2, 'Andre', 'Zoé', '2014-03-08', 'famille.andre@example.org', '0605060708', 'FFX-2026-0002', 'U13', NULL, NULL),
  (3, 'Blanc', 'Mathis', '2000-10-21', 'mathis.b@example.org', NULL, 'FFX-2024-0113', 'senior', '2025-06-30', 'Diabétique, garder du sucre dans la trousse'),
  (4, 'Guerin', 'Emma', '1985-07-04', 'emma.g@example.org', NULL, 'FFX-2026-0004', 'vétéran', NULL, NULL),
  (5, 'Robin', 'Jules', '1995-02-14', 'jules.r@example.org', NULL, 'FFX-2026-0005', 'senior', NULL, NULL),
  (6, 'Perrin', 'Alice', '1998-12-01', 'alice.p@example.org', NULL, 'FFX-2026-0006', 'senior', NULL, NULL);

CREATE TABLE responsables_legaux (
  id INTEGER PRIMARY KEY, licencie_id INTEGER REFERENCES licencies(id), nom TEXT, telephone TEXT,
  fin TEXT
);
INSERT INTO responsables_legaux VALUES
  (1, 2, 'Andre', '0605060708', NULL),
  (2, 3, 'Blanc', '0611111111', '2018-10-21');

CREATE TABLE certificats_medicaux (
  id INTEGER PRIMARY KEY, licencie_id INTEGER REFERENCES licencies(id), date_certificat TEXT,
  fourni INTEGER
);
INSERT INTO certificats_medicaux VALUES
  (1, 1, '2026-08-28', 1),
  (2, 2, '2026-09-02', 1),
  (3, 4, '2025-09-01', 1),
  (4, 3, '2024-09-05', 1);

CREATE TABLE consentements (
  id INTEGER PRIMARY KEY, licencie_id INTEGER REFERENCES licencies(id), finalite TEXT,
  donne_le TEXT, retire_le TEXT, case_precochee INTEGER, preuve TEXT, accord_parental INTEGER
);
INSERT INTO consentements VALUES
  (1, 1, 'photos', '2026-09-01', NULL, 0, 'bulletin-2026#1', NULL),
  (2, 2, 'photos', '2026-09-02', NULL, 0, 'bulletin-2026#2', 0),
  (3, 4, 'photos', '2026-09-03', NULL, 1, 'bulletin-2026#4', NULL),
  (4, 5, 'photos', '2026-09-04', NULL, 0, NULL, NULL),
  (5, 6, 'photos', '2026-09-01', '2026-10-01', 0, 'bulletin-2026#6', NULL);

CREATE TABLE photos (
  id INTEGER PRIMARY KEY, licencie_id INTEGER REFERENCES licencies(id), fichier TEXT, publiee_le TEXT
);
INSERT INTO photos VALUES
  (1, 1, 'match-2026-10-05-1.jpg', '2026-10-06'),
  (2, 2, 'tournoi-u13-2026.jpg', '2026-10-20'),
  (3, 3, 'match-2025-04-12.jpg', '2025-04-13'),
  (4, 4, 'match-2026-10-05-2.jpg', '2026-10-06'),
  (5, 5, 'match-2026-10-05-3.jpg', '2026-10-06'),
  (6, 6, 'match-2026-09-20.jpg', '2026-09-21');
