CREATE TABLE prospects (
  id SERIAL PRIMARY KEY,
  email TEXT,
  optin_newsletter BOOLEAN DEFAULT TRUE,
  consent_partenaires BOOLEAN DEFAULT FALSE,
  actif BOOLEAN DEFAULT TRUE
);
ALTER TABLE prospects ADD COLUMN accepte_sms BOOLEAN DEFAULT true;
ALTER TABLE prospects ALTER COLUMN consent_partenaires SET DEFAULT true;
