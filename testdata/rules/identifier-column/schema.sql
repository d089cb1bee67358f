-- identifier-column: by name (`iban`), and by values confirmed by checksum in columns whose
-- name says nothing: `ref_dossier` holds 4 valid NIRs and one with a wrong key; `info` holds
-- exactly half valid card numbers (3 of 6 non-empty values: flagged); `code` a third (not).
CREATE TABLE clients (
  id INTEGER PRIMARY KEY, nom VARCHAR(100), iban VARCHAR(34), ref_dossier VARCHAR(20),
  info VARCHAR(30), code VARCHAR(30)
);
INSERT INTO clients VALUES
  (1, 'A', NULL, '285077512345655', '4532015112830366', '4000000000000002'),
  (2, 'B', NULL, '192036901234503', '4000000000000002', '5105105105105100'),
  (3, 'C', NULL, '201013345678927', '5105105105105100', 'n/a'),
  (4, 'D', NULL, '177051234567837', '4532015112830367', 'n/a'),
  (5, 'E', NULL, '285077512345656', 'n/a', 'n/a'),
  (6, 'F', NULL, NULL, 'n/a', 'n/a');
