CREATE TABLE prospects (
  id INTEGER PRIMARY KEY,
  email TEXT,
  optin_newsletter BOOLEAN DEFAULT 1,
  consent_partenaires BOOLEAN DEFAULT 0,
  actif BOOLEAN DEFAULT 1
);
ALTER TABLE prospects ADD COLUMN accepte_sms BOOLEAN DEFAULT TRUE;
