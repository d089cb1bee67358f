-- unused-column: a declared or personal-by-name column no row fills (NULL, or '' for text).
CREATE TABLE eleves (
  id INTEGER PRIMARY KEY, nom VARCHAR(100), telephone VARCHAR(20), profession_parents VARCHAR(100),
  date_naissance DATE, classe_id INTEGER
);
INSERT INTO eleves VALUES
  (1, 'A', NULL, NULL, NULL, NULL),
  (2, 'B', '', '', NULL, NULL),
  (3, 'C', '', NULL, '2010-01-01', NULL);  -- one birth date: used
-- `telephone` is empty in every row (NULL or ''): unused; `profession_parents` too; a `…_id`
-- reference and the primary key are never judged.
CREATE TABLE vide (id INTEGER PRIMARY KEY, email VARCHAR(100));  -- no rows: not judged
