-- The demo school CRM. Dates are relative to today so the findings never drift.
CREATE TABLE prospects (
  id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT, telephone TEXT,
  source TEXT, date_creation TEXT, dernier_contact TEXT
);
INSERT INTO prospects VALUES
  (1, 'Martin', 'Léa', 'lea.martin@example.org', '0612345678', 'salon', date('now', '-5 years'), date('now', '-4 years')),
  (2, 'Bernard', 'Hugo', 'hugo.b@example.org', NULL, 'site', date('now', '-2 years'), date('now', '-1 years')),
  (3, 'Petit', 'Inès', 'ines.petit@example.org', NULL, 'site', date('now', '-6 years'), date('now', '-3 years', '-10 days')),
  (4, 'Durand', 'Noah', 'noah.d@example.org', '0698765432', 'salon', date('now', '-1 years'), NULL),
  (5, 'Leroy', 'Jade', 'jade.leroy@example.org', NULL, 'jpo', date('now', '-3 months'), date('now', '-1 months'));

CREATE TABLE interactions (
  id INTEGER PRIMARY KEY, prospect_id INTEGER REFERENCES prospects(id) ON DELETE CASCADE,
  le TEXT, canal TEXT, commentaire TEXT
);
INSERT INTO interactions VALUES
  (1, 2, date('now', '-1 years'), 'telephone', 'Rappeler après les oraux, fou rire au téléphone'),
  (2, 5, date('now', '-1 months'), 'email', 'Intéressée par le bachelor, habite rue de l''Église à Saint-Denis'),
  (3, 2, date('now', '-11 months'), 'salon', 'Père alcoolique, la mère est en dépression depuis le divorce'),
  (4, 3, date('now', '-2 years'), 'telephone', 'Client pénible et vraiment lourd, aucun intérêt'),
  (5, 1, date('now', '-3 years'), 'email', 'Rappeler au 06 12 34 56 78 pour le dossier de bourse, RIB envoyé : FR76 3000 6000 0112 3456 7890 189'),
  (6, 4, date('now', '-2 months'), 'salon', 'Très motivé, pas de problème de santé signalé');

CREATE TABLE candidats (
  id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT, date_naissance TEXT,
  programme TEXT, decision TEXT, date_decision TEXT, commentaire TEXT
);
INSERT INTO candidats VALUES
  (1, 'Moreau', 'Adam', 'adam.m@example.org', date('now', '-20 years'), 'MSc', 'refuse', date('now', '-3 years'), 'Dossier incomplet, candidat musulman pratiquant, demande des aménagements pour le ramadan'),
  (2, 'Simon', 'Chloé', 'chloe.s@example.org', date('now', '-19 years'), 'Bachelor', 'admis', date('now', '-3 years'), NULL),
  (3, 'Laurent', 'Lina', 'lina.l@example.org', date('now', '-18 years'), 'Bachelor', 'refuse', date('now', '-6 months'), NULL),
  (4, 'Michel', 'Tom', 'tom.m@example.org', date('now', '-15 years'), 'Prépa', 'en_attente', NULL, NULL),
  (5, 'Garcia', 'Manon', 'manon.g@example.org', date('now', '-17 years'), 'Bachelor', 'en_attente', NULL, NULL),
  (6, 'Roux', 'Louis', 'louis.r@example.org', date('now', '-18 years'), 'Bachelor', 'en_attente', NULL, NULL);

CREATE TABLE alumni (
  id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT, promo INTEGER,
  employeur TEXT, derniere_activite TEXT
);
INSERT INTO alumni VALUES
  (1, 'Fournier', 'Emma', 'emma.f@example.org', 2015, 'Acme', date('now', '-3 years')),
  (2, 'Girard', 'Lucas', 'lucas.g@example.org', 2018, 'Globex', date('now', '-2 months')),
  (3, 'Bonnet', 'Zoé', 'zoe.b@example.org', 2019, NULL, date('now', '-1 years')),
  (4, 'Dupont', 'Jules', 'jules.d@example.org', 2020, 'Initech', date('now', '-6 months'));

CREATE TABLE consentements (
  id INTEGER PRIMARY KEY, personne_type TEXT, personne_id INTEGER, finalite TEXT,
  donne_le TEXT, retire_le TEXT, case_precochee BOOLEAN, preuve TEXT, accord_parental BOOLEAN
);
INSERT INTO consentements VALUES
  -- alumni network: 2 valid, 3 withdrawn, 4 pre-ticked; alumni 1 has none
  (1, 'alumni', 2, 'alumni', date('now', '-2 months'), NULL, FALSE, 'formulaire-v3#a2', NULL),
  (2, 'alumni', 3, 'alumni', date('now', '-1 years'), date('now', '-3 months'), FALSE, 'formulaire-v3#a3', NULL),
  (3, 'alumni', 4, 'alumni', date('now', '-6 months'), NULL, TRUE, 'formulaire-v2#a4', NULL),
  -- a consent of candidate 1 (same id as alumni 1) does not count for alumni 1
  (4, 'candidat', 1, 'alumni', date('now', '-1 years'), NULL, FALSE, 'x', NULL),
  -- newsletter: candidate 2 valid; 3 withdrawn; 4 minor without parental consent; 5 without proof
  (5, 'candidat', 2, 'newsletter', date('now', '-1 years'), NULL, FALSE, 'double-opt-in#c2', NULL),
  (6, 'candidat', 3, 'newsletter', date('now', '-1 years'), date('now', '-1 months'), FALSE, 'double-opt-in#c3', NULL),
  (7, 'candidat', 4, 'newsletter', date('now', '-1 months'), NULL, FALSE, 'double-opt-in#c4', FALSE),
  (8, 'candidat', 5, 'newsletter', date('now', '-2 months'), NULL, FALSE, NULL, TRUE);

CREATE TABLE abonnements_newsletter (
  id INTEGER PRIMARY KEY, personne_type TEXT, personne_id INTEGER, liste TEXT, inscrit_le TEXT
);
INSERT INTO abonnements_newsletter VALUES
  (1, 'candidat', 2, 'admissions', date('now', '-1 years')),
  (2, 'candidat', 3, 'admissions', date('now', '-1 years')),
  (3, 'candidat', 4, 'admissions', date('now', '-1 months')),
  (4, 'candidat', 5, 'admissions', date('now', '-2 months')),
  (5, 'candidat', 6, 'admissions', date('now', '-2 months'));

CREATE TABLE paiements (
  id INTEGER PRIMARY KEY, candidat_id INTEGER, montant NUMERIC, numero_carte TEXT, cvv TEXT, paye_le TEXT
);
INSERT INTO paiements VALUES
  (1, 2, 450, NULL, NULL, date('now', '-3 years')),
  (2, 5, 90, NULL, '123', date('now', '-1 months'));

-- The families' portal: one password in clear, one unsalted MD5, two accounts unused for years.
CREATE TABLE comptes_familles (
  id INTEGER PRIMARY KEY, email TEXT NOT NULL, mot_de_passe TEXT, derniere_connexion TEXT
);
INSERT INTO comptes_familles VALUES
  (1, 'famille.simon@example.org', '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', datetime('now', '-1 months')),
  (2, 'famille.laurent@example.org', 'soleil2019', datetime('now', '-3 years')),
  (3, 'famille.garcia@example.org', '5f4dcc3b5aa765d61d8327deb882cf99', datetime('now', '-4 years')),
  (4, 'famille.roux@example.org', NULL, datetime('now', '-5 years'));
