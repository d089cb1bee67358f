-- V1__init.sql — schéma initial du CRM de l'école
-- Flyway migration, PostgreSQL 15

CREATE TABLE formations (
    id          SERIAL PRIMARY KEY,
    code        VARCHAR(20)  NOT NULL UNIQUE,
    nom         VARCHAR(200) NOT NULL,
    description TEXT,
    duree_mois  INTEGER CHECK (duree_mois > 0),
    tarif       NUMERIC(10, 2),
    created_at  TIMESTAMP NOT NULL DEFAULT now()
);

CREATE TABLE etudiants (
    id              SERIAL PRIMARY KEY,
    nom             VARCHAR(100) NOT NULL,
    prenom          VARCHAR(100) NOT NULL,
    email           VARCHAR(255) NOT NULL,
    tel_portable    VARCHAR(20),
    date_naissance  DATE,
    adresse         VARCHAR(255),
    code_postal     VARCHAR(5),
    ville           VARCHAR(100),
    formation_id    INTEGER REFERENCES formations (id),
    promo           INTEGER,
    statut          VARCHAR(20) NOT NULL DEFAULT 'inscrit',
    created_at      TIMESTAMP NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP
);

CREATE UNIQUE INDEX etudiants_email_idx ON etudiants (lower(email));
CREATE INDEX etudiants_formation_idx ON etudiants (formation_id);

CREATE TABLE prospects (
    id                SERIAL PRIMARY KEY,
    nom               VARCHAR(100),
    prenom            VARCHAR(100),
    email             VARCHAR(255) NOT NULL,
    telephone         VARCHAR(20),
    origine           VARCHAR(50),        -- salon, site, jpo
    formation_visee   INTEGER REFERENCES formations (id),
    dernier_contact   TIMESTAMP,
    created_at        TIMESTAMP NOT NULL DEFAULT now()
);

CREATE INDEX prospects_dernier_contact_idx ON prospects (dernier_contact);

CREATE TABLE interactions (
    id             BIGSERIAL PRIMARY KEY,
    personne_type  VARCHAR(20) NOT NULL,
    personne_id    INTEGER NOT NULL,
    canal          VARCHAR(20),
    commentaire    TEXT,
    auteur_id      INTEGER,
    created_at     TIMESTAMP NOT NULL DEFAULT now()
);

CREATE INDEX interactions_personne_idx ON interactions (personne_type, personne_id);

COMMENT ON TABLE interactions IS 'Historique des échanges avec les prospects et étudiants';
COMMENT ON COLUMN interactions.commentaire IS 'Texte libre saisi par les conseillers';

CREATE TABLE utilisateurs (
    id                  SERIAL PRIMARY KEY,
    login               VARCHAR(50) NOT NULL UNIQUE,
    email               VARCHAR(255) NOT NULL,
    mdp                 VARCHAR(255) NOT NULL,
    role                VARCHAR(20) NOT NULL DEFAULT 'lecteur',
    derniere_connexion  TIMESTAMP,
    actif               BOOLEAN NOT NULL DEFAULT true
);

INSERT INTO utilisateurs (login, email, mdp, role)
VALUES ('admin', 'admin@ecole.example', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', 'admin');

GRANT SELECT ON formations, etudiants, prospects TO crm_reader;
