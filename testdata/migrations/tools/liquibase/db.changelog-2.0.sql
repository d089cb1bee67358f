--liquibase formatted sql

--changeset marc:5
ALTER TABLE adherent ADD COLUMN mot_de_passe VARCHAR(255);
ALTER TABLE adherent ADD COLUMN consentement_rgpd BOOLEAN DEFAULT TRUE;
--rollback ALTER TABLE adherent DROP COLUMN consentement_rgpd;

--changeset marc:6
ALTER TABLE adherent RENAME COLUMN courriel TO email;
ALTER TABLE adherent ADD COLUMN remarque TEXT;
ALTER TABLE adherent RENAME COLUMN remarque TO religion;

--changeset marc:7 runOnChange:true
CREATE OR REPLACE VIEW v_adherents AS SELECT id, nom, prenom FROM adherent;

--changeset marc:8 dbms:postgresql
CREATE TABLE cotisation (
    id BIGSERIAL PRIMARY KEY,
    adherent_id BIGINT NOT NULL REFERENCES adherent (id),
    montant NUMERIC(8, 2) NOT NULL,
    payee_le DATE
);
--rollback DROP TABLE cotisation;
