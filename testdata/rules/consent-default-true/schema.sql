-- consent-default-true in a live scan: the catalog's column defaults, judged as the gate does.
CREATE TABLE prospects (
  id INTEGER PRIMARY KEY,
  email VARCHAR(100),
  optin_newsletter BOOLEAN DEFAULT TRUE,
  consent_partenaires BOOLEAN DEFAULT FALSE,
  actif BOOLEAN DEFAULT TRUE
);
