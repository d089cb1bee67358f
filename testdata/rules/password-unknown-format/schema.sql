-- password-unknown-format: values of no known format that look generated (random tokens from
-- openssl rand) are to verify; the value a person chose is password-plaintext.
CREATE TABLE comptes (
  id INTEGER PRIMARY KEY, email VARCHAR(100), mot_de_passe VARCHAR(255), pin VARCHAR(10)
);
INSERT INTO comptes VALUES
  (1, 'a@example.org', 'bVIzhsuaprRdOWwoL0KpPC4GFEq_vWfH', NULL),   -- base64url token, 32 characters
  (2, 'b@example.org', 'fb2cfa35cf66e2f6a7e28bd2bd5f22944f57e32a7f8b4bb3', NULL),   -- hex token, 48 characters
  (3, 'c@example.org', 'Soleil2024!', NULL),                        -- chosen by a person: plaintext
  (4, 'd@example.org', NULL, NULL);                                 -- no local password
