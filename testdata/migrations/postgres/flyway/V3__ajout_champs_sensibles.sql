-- V3: demandes du service vie étudiante
-- Ajout des informations d'accompagnement.

ALTER TABLE etudiants ADD COLUMN sante TEXT;
ALTER TABLE etudiants ADD COLUMN handicap BOOLEAN DEFAULT false;
ALTER TABLE etudiants
    ADD COLUMN religion VARCHAR(50),
    ADD COLUMN regime_alimentaire VARCHAR(50),
    ADD COLUMN num_secu VARCHAR(15);

-- vigie:ignore sensitive-column aménagements d'examen, base légale : obligation légale (code de l'éducation)
ALTER TABLE etudiants ADD COLUMN amenagement_examen TEXT;

ALTER TABLE candidats ADD COLUMN casier_judiciaire BOOLEAN;
ALTER TABLE candidats ADD COLUMN appreciation TEXT;
COMMENT ON COLUMN candidats.appreciation IS 'Avis du jury d''admission';

ALTER TABLE prospects ADD COLUMN optin_newsletter BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE prospects ADD COLUMN commentaire TEXT;
ALTER TABLE prospects ALTER COLUMN origine TYPE VARCHAR(100);
