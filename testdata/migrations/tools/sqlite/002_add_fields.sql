ALTER TABLE eleves ADD COLUMN regime_alimentaire TEXT;
ALTER TABLE familles ADD COLUMN consentement_photo INTEGER NOT NULL DEFAULT 1;
ALTER TABLE familles ADD COLUMN accepte_newsletter BOOLEAN NOT NULL DEFAULT 1;
ALTER TABLE familles ADD COLUMN telephone TEXT;
INSERT INTO familles (nom, courriel) VALUES ('Martin', 'martin@example.org');
