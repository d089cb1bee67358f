-- Data-subject requests register, as of 2026-11-23 00:00:00 UTC.
CREATE TABLE demandes_droits (
  id INTEGER PRIMARY KEY, recue_le TIMESTAMP NULL, repondue_le TIMESTAMP NULL, prolongee BOOLEAN
);
INSERT INTO demandes_droits VALUES
  (1, '2026-10-23 00:00:00', NULL, NULL),                    -- due exactly at as-of: not overdue
  (2, '2026-10-22 23:59:59', NULL, FALSE),                   -- due one second before: overdue
  (3, '2026-09-01 00:00:00', NULL, TRUE),                    -- extended, due 1 December
  (4, '2026-07-01 00:00:00', NULL, TRUE),                    -- extended, due 1 October: overdue
  (5, '2026-01-31 00:00:00', '2026-02-28 00:00:00', FALSE),  -- 31 Jan + 1 month = 28 Feb: in time
  (6, '2026-01-31 00:00:00', '2026-03-01 00:00:00', FALSE),  -- late
  (7, '2026-05-01 00:00:00', '2026-12-01 00:00:00', NULL),   -- answered after as-of: overdue at as-of
  (8, '2026-12-01 00:00:00', NULL, NULL),                    -- received after as-of
  (9, NULL, NULL, NULL),                                     -- cannot be judged
  (10, '2026-03-01 00:00:00', '2026-05-15 00:00:00', NULL),  -- late
  (11, '2026-06-01 00:00:00', '2026-09-01 00:00:00', TRUE);  -- extended, answered on its deadline
