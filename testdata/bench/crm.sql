-- A generated school CRM for scripts/bench: 150,000 prospects, 200,000 consents,
-- 150,000 newsletter subscriptions. Deterministic (setseed).
SELECT setseed(0.42);
CREATE TABLE personnes (
  id integer PRIMARY KEY, nom text, date_naissance date
);
INSERT INTO personnes
SELECT g, 'nom' || g, date '1990-01-01' + (random() * 8000)::int
FROM generate_series(1, 150000) g;

CREATE TABLE prospects (
  id integer PRIMARY KEY, email text, dernier_contact timestamp, statut text
);
INSERT INTO prospects
SELECT g, 'p' || g || '@example.org',
       CASE WHEN random() < 0.01 THEN NULL
            ELSE timestamp '2020-11-23' + random() * interval '6 years' END,
       CASE WHEN random() < 0.02 THEN 'legal-hold' END
FROM generate_series(1, 150000) g;

CREATE TABLE consentements (
  id integer PRIMARY KEY, personne_type text, personne_id integer, finalite text,
  donne_le timestamp, retire_le timestamp, case_precochee boolean, preuve text,
  accord_parental boolean
);
INSERT INTO consentements
SELECT g, 'personne', 1 + (random() * 149999)::int,
       CASE WHEN random() < 0.7 THEN 'newsletter' ELSE 'partenaires' END,
       timestamp '2021-01-01' + random() * interval '6 years',
       CASE WHEN random() < 0.1 THEN timestamp '2023-01-01' + random() * interval '4 years' END,
       random() < 0.05,
       CASE WHEN random() < 0.03 THEN NULL ELSE 'form#' || g END,
       CASE WHEN random() < 0.5 THEN true END
FROM generate_series(1, 200000) g;
CREATE INDEX ON consentements (personne_id);

CREATE TABLE abonnements (
  id integer PRIMARY KEY, personne_type text, personne_id integer, inscrit_le timestamp
);
INSERT INTO abonnements
SELECT g, 'personne', g, timestamp '2022-01-01' + random() * interval '4 years'
FROM generate_series(1, 150000) g;
ANALYZE;
