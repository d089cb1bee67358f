-- V5: statements that PostgreSQL accepts and sqlparser 0.63 does not (kept on purpose).

CREATE SEQUENCE public.numero_dossier_seq
    AS integer
    START WITH 1000
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.numero_dossier_seq OWNED BY public.etudiants.id;

DROP INDEX CONCURRENTLY IF EXISTS prospects_dernier_contact_idx;

CREATE INDEX prospects_email_idx ON ONLY public.prospects USING btree (email);

CREATE TABLE prospects_archive (LIKE prospects INCLUDING ALL);

CREATE TABLE etudiants_2025 (
    id          integer,
    nom         varchar(100),
    religion    text,
    photo       bytea STORAGE EXTERNAL,
    nir         varchar(15)
);

ALTER TABLE etudiants ADD COLUMN dossier_medical TEXT, ALTER COLUMN nom SET STATISTICS 500;

CREATE TABLE stages (
    id                   serial PRIMARY KEY,
    etudiant_id          integer NOT NULL REFERENCES etudiants (id),
    entreprise           varchar(200),
    debut                date NOT NULL,
    fin                  date,
    note_finale          numeric(4, 2),
    appreciation_tuteur  text
);

CREATE TABLE participations (
    id              serial PRIMARY KEY,
    evenement       varchar(200) NOT NULL,
    personne_id     integer NOT NULL,
    present         boolean
);

CREATE MATERIALIZED VIEW stats_promo AS
    SELECT promo, count(*) AS effectif FROM etudiants GROUP BY promo;

CREATE TABLE etudiants_export AS
    SELECT id, nom, prenom, email FROM etudiants WHERE statut = 'diplome';

DROP TABLE IF EXISTS tmp_import, tmp_import_errors;

ALTER TABLE participations RENAME TO inscriptions_evenements;
