-- retention-anchor-missing: rows whose retention anchor holds no usable date.
CREATE TABLE prospects (
  id INTEGER PRIMARY KEY, email VARCHAR(100), dernier_contact DATE NULL, statut VARCHAR(20)
);
INSERT INTO prospects VALUES
  (1, 'a@example.org', NULL, NULL),          -- no date: counted
  (2, 'b@example.org', '2010-01-01', NULL),  -- old, but a date: retention-exceeded's business
  (3, 'c@example.org', NULL, 'legal-hold'),  -- left out by the retention's where
  (4, 'd@example.org', '2026-01-01', NULL),  -- a date
  (5, 'e@example.org', NULL, 'actif');       -- no date: counted
