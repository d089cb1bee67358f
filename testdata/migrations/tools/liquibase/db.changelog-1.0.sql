--liquibase formatted sql

--changeset claire:1
--comment: table des adhérents
CREATE TABLE adherent (
    id BIGSERIAL PRIMARY KEY,
    nom VARCHAR(100) NOT NULL,
    prenom VARCHAR(100) NOT NULL,
    courriel VARCHAR(255),
    date_adhesion DATE NOT NULL
);
--rollback DROP TABLE adherent;

--changeset claire:2 labels:v1.1 context:!test
--precondition-sql-check expectedResult:0 SELECT count(*) FROM information_schema.columns WHERE table_name='adherent' AND column_name='iban'
ALTER TABLE adherent ADD COLUMN iban VARCHAR(34);
ALTER TABLE adherent ADD COLUMN bic VARCHAR(11);
--rollback ALTER TABLE adherent DROP COLUMN iban;
--rollback ALTER TABLE adherent DROP COLUMN bic;

--changeset claire:3 splitStatements:false endDelimiter:;
CREATE OR REPLACE FUNCTION adherent_nom_upper() RETURNS trigger AS $$
BEGIN
    NEW.nom := upper(NEW.nom);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--rollback DROP FUNCTION adherent_nom_upper();

--changeset claire:4
CREATE TRIGGER adherent_nom_upper BEFORE INSERT OR UPDATE ON adherent
    FOR EACH ROW EXECUTE FUNCTION adherent_nom_upper();
