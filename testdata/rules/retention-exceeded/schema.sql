-- retention-exceeded: keep = 3y from dernier_contact, as of 2026-11-23 00:00:00 UTC.
-- The cutoff is 2023-11-23 00:00:00: a row is over when its anchor is strictly before it.
CREATE TABLE prospects (
  id INTEGER PRIMARY KEY, email VARCHAR(100), dernier_contact TIMESTAMP NULL, statut VARCHAR(20)
);
INSERT INTO prospects VALUES
  (1, 'a@example.org', '2023-11-23 00:00:00', NULL),         -- exactly 3 years: kept
  (2, 'b@example.org', '2023-11-22 23:59:59', NULL),         -- one second over: exceeded
  (3, 'c@example.org', '2020-01-01 00:00:00', 'legal-hold'), -- left out by the retention's where
  (4, 'd@example.org', NULL, NULL),                          -- no anchor: another rule's business
  (5, 'e@example.org', '2026-05-05 10:00:00', NULL),         -- recent
  (6, 'f@example.org', '2010-06-01 00:00:00', 'actif');      -- long over
-- then = "anonymise": a row whose anonymised columns are all NULL or empty may stay.
CREATE TABLE anciens (
  id INTEGER PRIMARY KEY, nom VARCHAR(100), email VARCHAR(100), parti_le DATE
);
INSERT INTO anciens VALUES
  (1, 'A', 'a@example.org', '2020-01-01'),  -- over, not anonymised: counted
  (2, NULL, '', '2020-01-01'),              -- over, anonymised: not counted
  (3, NULL, 'c@example.org', '2020-01-01'), -- over, half anonymised: counted
  (4, 'D', 'd@example.org', '2025-01-01'),  -- within 2 years
  (5, 'E', 'e@example.org', '2024-11-23');  -- exactly 2 years: kept
