-- The password rules: values classified by their shape, in the database. The bcrypt value of
-- row 7 is the cost-10 example of row 3 with its cost field set to 09: only the shape is read.
CREATE TABLE comptes (
  id INTEGER PRIMARY KEY, email VARCHAR(100), mot_de_passe VARCHAR(255), pin VARCHAR(10)
);
INSERT INTO comptes VALUES
  (1, 'a@example.org', 'Soleil2024!', '1234'),                                                       -- plaintext
  (2, 'b@example.org', 'motdepasse', '0000'),                                                        -- plaintext
  (3, 'c@example.org', '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', NULL),       -- bcrypt cost 10: ok
  (4, 'd@example.org', NULL, NULL),                                                                  -- no local password
  (5, 'e@example.org', '', NULL),                                                                    -- no local password
  (6, 'f@example.org', 'ef74c43ef78931eedf17dc46bb4ef096', NULL),                                    -- md5-hex
  (7, 'g@example.org', '$2b$09$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', NULL),       -- bcrypt cost 9
  (8, 'h@example.org', 'pbkdf2_sha256$600000$9kGPzL2Ga8Tu$HMm/ZqdaO93HkRxqKP6Zoz/TXE9bnpdlxjISj65Qk0Y=', NULL), -- ok
  (9, 'i@example.org', 'pbkdf2_sha256$599999$9kGPzL2Ga8Tu$Ue02MiCV/r2mku7QehRSM5RbYa/2Ryw6A/+QnO1/kdE=', NULL), -- one iteration short
  (10, 'j@example.org', '28C3C02DA99D5A448357ED59A96BADCA178CB24D', NULL);                           -- sha1-hex, upper case
