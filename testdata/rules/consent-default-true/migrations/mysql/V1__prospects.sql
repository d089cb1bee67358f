CREATE TABLE prospects (
  id INT AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255),
  optin_newsletter TINYINT(1) DEFAULT 1,
  consent_partenaires TINYINT(1) DEFAULT 0,
  actif TINYINT(1) DEFAULT 1
);
ALTER TABLE prospects ADD COLUMN accepte_sms BOOLEAN DEFAULT true;
ALTER TABLE prospects ALTER COLUMN consent_partenaires SET DEFAULT 1;
