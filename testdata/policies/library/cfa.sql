-- A CFA's applicant, apprentice and company files, scanned with policies/cfa.toml at as-of
-- 2026-11-23. What is planted, and found (tests/policy_library.rs): an applicant without a
-- contract since May; an apprentice whose contract ended in 2020 and the contract itself; a
-- maître d'apprentissage not contacted since 2022; a photo published in 2019 still online, its
-- consent withdrawn in 2020 and the proof of that kept past 5 years; a 14-year-old's consent
-- without a parent's agreement; a follow-up note that speaks of health, one that judges.
CREATE TABLE entreprises (
  id INTEGER PRIMARY KEY, raison_sociale TEXT, siret TEXT
);
INSERT INTO entreprises VALUES
  (1, 'Boulangerie du Port', '12345678900011'),
  (2, 'Garage Central', '98765432100022');

CREATE TABLE candidats (
  id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT, telephone TEXT, metier TEXT,
  statut TEXT, derniere_action TEXT
);
INSERT INTO candidats VALUES
  (1, 'Garcia', 'Enzo', 'enzo.g@example.org', '0611223344', 'boulanger', 'sans contrat', '2026-05-12'),
  (2, 'Fournier', 'Manon', 'manon.f@example.org', NULL, 'coiffure', 'sans contrat', '2026-10-30'),
  (3, 'Girard', 'Lucas', 'lucas.g@example.org', NULL, 'mécanique', 'en contrat', '2026-01-10');

CREATE TABLE apprentis (
  id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, date_naissance TEXT, email TEXT, ine TEXT,
  diplome_prepare TEXT, fin_contrat TEXT
);
INSERT INTO apprentis VALUES
  (1, 'Girard', 'Lucas', '2008-02-17', 'lucas.g@example.org', '2008A12345B', 'CAP Maintenance des véhicules', '2028-06-30'),
  (2, 'Bonnet', 'Sarah', '2012-09-03', 'sarah.b@example.org', '2012A54321C', 'CAP Boulanger', '2028-06-30'),
  (3, 'Lambert', 'Théo', '1999-01-25', 'theo.l@example.org', '1999A11111D', 'BP Boulanger', '2020-06-30');

CREATE TABLE contrats (
  id INTEGER PRIMARY KEY, apprenti_id INTEGER REFERENCES apprentis(id),
  entreprise_id INTEGER REFERENCES entreprises(id), debut TEXT, fin TEXT, salaire_brut REAL
);
INSERT INTO contrats VALUES
  (1, 1, 2, '2026-09-01', '2028-06-30', 1012.5),
  (2, 2, 1, '2026-09-01', '2028-06-30', 486.0),
  (3, 3, 1, '2018-09-01', '2020-06-30', 1100.0);

CREATE TABLE maitres_apprentissage (
  id INTEGER PRIMARY KEY, entreprise_id INTEGER REFERENCES entreprises(id), nom TEXT,
  prenom TEXT, email TEXT, telephone TEXT, dernier_contact TEXT
);
INSERT INTO maitres_apprentissage VALUES
  (1, 1, 'Lefebvre', 'Paul', 'paul@boulangerie-du-port.example', '0240000001', '2026-10-02'),
  (2, 2, 'Mercier', 'Nadia', 'nadia@garage-central.example', '0240000002', '2022-03-15');

CREATE TABLE suivi (
  id INTEGER PRIMARY KEY, apprenti_id INTEGER REFERENCES apprentis(id), observation TEXT, le TEXT
);
INSERT INTO suivi VALUES
  (1, 1, 'Bonne intégration dans l''équipe, ponctuel', '2026-10-15'),
  (2, 2, 'Arrêt de travail : elle est enceinte, reprise prévue en janvier', '2026-11-04'),
  (3, 1, 'Le maître d''apprentissage le trouve fainéant et débile', '2026-11-10');

CREATE TABLE consentements (
  id INTEGER PRIMARY KEY, apprenti_id INTEGER REFERENCES apprentis(id), finalite TEXT,
  donne_le TEXT, retire_le TEXT, preuve TEXT, accord_parental INTEGER
);
INSERT INTO consentements VALUES
  (1, 1, 'photos', '2026-09-05', NULL, 'formulaire-2026#1', 1),
  (2, 2, 'photos', '2026-09-05', NULL, 'formulaire-2026#2', 0),
  (3, 3, 'photos', '2019-09-10', '2020-07-01', 'formulaire-2019#3', NULL);

CREATE TABLE photos_publiees (
  id INTEGER PRIMARY KEY, apprenti_id INTEGER REFERENCES apprentis(id), url TEXT, publiee_le TEXT
);
INSERT INTO photos_publiees VALUES
  (1, 1, 'https://cfa.example/photos/1.jpg', '2026-09-20'),
  (2, 2, 'https://cfa.example/photos/2.jpg', '2026-09-20'),
  (3, 3, 'https://cfa.example/photos/3.jpg', '2019-10-01');
