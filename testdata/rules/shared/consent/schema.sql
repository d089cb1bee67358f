-- The consent rules, as of 2026-11-23 00:00:00 UTC: the consent register of the alumni
-- newsletter, keyed by (personne_type, personne_id), and the subscriptions it must cover.
CREATE TABLE alumni (
  id INTEGER PRIMARY KEY, nom VARCHAR(50), date_naissance DATE
);
INSERT INTO alumni VALUES
  (1, 'A', '1990-01-01'), (2, 'B', '1990-01-01'), (3, 'C', '1990-01-01'), (4, 'D', '1990-01-01'),
  (5, 'E', '1990-01-01'), (6, 'F', '1990-01-01'), (7, 'G', '1990-01-01'), (8, 'H', '1990-01-01'),
  (9, 'I', '1990-01-01'),
  (10, 'J', '2012-06-01'),   -- 13 when consenting, parental consent NULL
  (11, 'K', '2011-11-23'),   -- consents on the day of the 15th birthday
  (12, 'L', '2012-01-01'),   -- 13, parental consent given
  (13, 'M', '2012-03-03'),   -- 13, parental consent refused (false)
  (14, 'N', '2012-03-03'),   -- 13, consent withdrawn since
  (15, 'O', '1990-01-01'),
  (16, 'P', '2011-11-24'),   -- consents the day before the 15th birthday
  (17, 'Q', NULL);           -- no birth date: the age cannot be known

CREATE TABLE consentements (
  id INTEGER PRIMARY KEY, personne_type VARCHAR(20), personne_id INTEGER, finalite VARCHAR(20),
  donne_le TIMESTAMP NULL, retire_le TIMESTAMP NULL, case_precochee BOOLEAN, preuve VARCHAR(50),
  accord_parental BOOLEAN
);
INSERT INTO consentements VALUES
  (1, 'alumni', 1, 'newsletter', '2025-01-01 00:00:00', NULL, FALSE, 'form#1', NULL),
  (2, 'alumni', 2, 'partenaires', '2025-01-01 00:00:00', NULL, FALSE, 'form#2', NULL),  -- another purpose
  (3, 'prospect', 3, 'newsletter', '2025-01-01 00:00:00', NULL, FALSE, 'form#3', NULL), -- another subject type
  (4, 'alumni', 4, 'newsletter', '2026-11-23 00:00:01', NULL, FALSE, NULL, NULL),       -- given one second after as-of
  (5, 'alumni', 5, 'newsletter', '2025-01-01 00:00:00', '2026-01-01 00:00:00', FALSE, NULL, NULL), -- withdrawn
  (6, 'alumni', 6, 'newsletter', '2025-01-01 00:00:00', '2026-11-23 00:00:01', FALSE, 'form#6', NULL), -- withdrawn one second after as-of
  (7, 'alumni', 7, 'newsletter', '2025-01-01 00:00:00', NULL, TRUE, 'form#7', NULL),    -- pre-ticked
  (8, 'alumni', 8, 'newsletter', '2025-01-01 00:00:00', '2026-02-01 00:00:00', TRUE, 'form#8', NULL), -- pre-ticked, withdrawn
  (9, 'alumni', 9, 'newsletter', '2025-01-01 00:00:00', NULL, FALSE, NULL, NULL),       -- no proof
  (10, 'alumni', 10, 'newsletter', '2026-01-01 00:00:00', NULL, FALSE, '', NULL),       -- empty proof, minor
  (11, 'alumni', 11, 'newsletter', '2026-11-23 00:00:00', NULL, FALSE, 'form#11', FALSE), -- given at as-of, 15 that day
  (12, 'alumni', 12, 'newsletter', '2025-06-01 00:00:00', NULL, FALSE, 'form#12', TRUE),
  (13, 'alumni', 13, 'newsletter', '2025-06-01 00:00:00', NULL, FALSE, 'form#13', FALSE),
  (14, 'alumni', 14, 'newsletter', '2025-06-01 00:00:00', '2026-01-01 00:00:00', FALSE, NULL, FALSE),
  (15, 'alumni', 15, 'newsletter', '2025-01-01 00:00:00', '2026-11-23 00:00:00', FALSE, 'form#15', NULL), -- withdrawn exactly at as-of
  (16, 'alumni', 16, 'newsletter', '2026-11-23 00:00:00', NULL, FALSE, 'form#16', NULL),  -- 14 and 364 days old
  (17, 'alumni', 17, 'newsletter', '2025-01-01 00:00:00', NULL, FALSE, 'form#17', NULL);

CREATE TABLE abonnements (
  id INTEGER PRIMARY KEY, personne_type VARCHAR(20), personne_id INTEGER
);
INSERT INTO abonnements VALUES
  (1, 'alumni', 1), (2, 'alumni', 2), (3, 'alumni', 3), (4, 'alumni', 4), (5, 'alumni', 5),
  (6, 'alumni', 6), (7, 'alumni', 7), (8, 'alumni', 8), (9, 'alumni', 9), (10, 'alumni', 10),
  (11, 'alumni', 11),
  (12, 'prospect', 2),  -- not processed under this purpose
  (13, 'alumni', 15),
  (14, 'alumni', 17);
