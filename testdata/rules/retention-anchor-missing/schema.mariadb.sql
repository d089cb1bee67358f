-- MariaDB accepts the zero date outside NO_ZERO_DATE: no usable date.
CREATE TABLE prospects (
  id INTEGER PRIMARY KEY, email VARCHAR(100), dernier_contact DATE NULL, statut VARCHAR(20)
);
INSERT INTO prospects VALUES
  (1, 'a@example.org', NULL, NULL),
  (2, 'b@example.org', '2010-01-01', NULL),
  (3, 'c@example.org', NULL, 'legal-hold'),
  (4, 'd@example.org', '2026-01-01', NULL),
  (5, 'e@example.org', NULL, 'actif'),
  (6, 'f@example.org', '0000-00-00', NULL);  -- zero date: counted
