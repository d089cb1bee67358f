-- SQLite stores dates as text: a value its date functions cannot read is no date.
CREATE TABLE prospects (
  id INTEGER PRIMARY KEY, email VARCHAR(100), dernier_contact DATE NULL, statut VARCHAR(20)
);
INSERT INTO prospects VALUES
  (1, 'a@example.org', NULL, NULL),
  (2, 'b@example.org', '2010-01-01', NULL),
  (3, 'c@example.org', NULL, 'legal-hold'),
  (4, 'd@example.org', '2026-01-01', NULL),
  (5, 'e@example.org', NULL, 'actif'),
  (6, 'f@example.org', 'inconnu', NULL),     -- not a date: counted
  (7, 'g@example.org', '31/12/2020', NULL),  -- French order, not a date for SQLite: counted
  (8, 'h@example.org', '', NULL),            -- empty: counted
  (9, 'i@example.org', '2020-02-30', NULL);  -- ISO shape (SQLite's date functions accept day 30): a date
