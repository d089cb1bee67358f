-- inactive-account as of 2026-11-23: the cutoff is 2024-11-23 00:00 UTC (Unix 1732320000).
CREATE TABLE comptes (
  id INTEGER PRIMARY KEY, email VARCHAR(100), mot_de_passe VARCHAR(100),
  derniere_connexion TIMESTAMP NULL
);
INSERT INTO comptes VALUES
  (1, 'a@example.org', 'x', '2020-01-01 00:00:00'),   -- inactive
  (2, 'b@example.org', 'x', '2024-11-22 23:59:59'),   -- inactive: one second before the cutoff
  (3, 'c@example.org', 'x', '2024-11-23 00:00:00'),   -- exactly 2 years: kept
  (4, 'd@example.org', NULL, '2020-01-01 00:00:00'),  -- cannot log in
  (5, 'e@example.org', '', '2020-01-01 00:00:00'),    -- cannot log in
  (6, 'f@example.org', 'x', NULL),                    -- never logged in
  (7, 'g@example.org', 'x', '2026-01-01 00:00:00');
-- Unix seconds; 0 is never.
CREATE TABLE mdl_user (
  id INTEGER PRIMARY KEY, username VARCHAR(100), password VARCHAR(255),
  lastaccess BIGINT NOT NULL, lastlogin BIGINT NOT NULL
);
INSERT INTO mdl_user VALUES
  (10, 'u10', 'x', 1577836800, 1559347200),  -- both old
  (11, 'u11', 'x', 1767225600, 1577836800),  -- recent access
  (12, 'u12', 'x', 0, 0),                    -- never
  (13, 'u13', 'x', 0, 1732319999),           -- one filled, one second before the cutoff
  (14, 'u14', 'x', 1732320000, 0);           -- exactly at the cutoff
-- Its retention is anchored on the last login: left to retention-exceeded.
CREATE TABLE users (
  id INTEGER PRIMARY KEY, email VARCHAR(100), password_hash VARCHAR(255), last_login TIMESTAMP NULL
);
INSERT INTO users VALUES (20, 'h@example.org', 'x', '2019-01-01 00:00:00');
