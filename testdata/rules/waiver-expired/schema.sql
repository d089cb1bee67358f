-- waiver-expired, as of 2026-11-23: a waiver that expired the day before is reported; one that
-- expires on the as-of date still applies that day.
CREATE TABLE prospects (
  id INTEGER PRIMARY KEY, email VARCHAR(100), statut VARCHAR(20), dernier_contact DATE NULL
);
INSERT INTO prospects VALUES
  (1, 'a@example.org', NULL, '2010-01-01'),  -- retention exceeded
  (2, 'b@example.org', NULL, NULL);          -- anchor missing
