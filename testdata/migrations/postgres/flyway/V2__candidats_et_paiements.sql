-- V2: candidatures et paiements en ligne

CREATE TABLE IF NOT EXISTS candidats (
    id                 SERIAL,
    nom                VARCHAR(100) NOT NULL,
    prenom             VARCHAR(100) NOT NULL,
    email              VARCHAR(255) NOT NULL,
    dt_naiss           DATE,
    nationalite        VARCHAR(50),
    formation_id       INTEGER NOT NULL REFERENCES formations (id) ON DELETE RESTRICT,
    lettre_motivation  TEXT,
    decision           VARCHAR(20),
    recu_le            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT candidats_pkey PRIMARY KEY (id),
    CONSTRAINT candidats_decision_check CHECK (decision IN ('admis', 'refuse', 'liste_attente'))
);

CREATE TABLE paiements (
    id              BIGSERIAL PRIMARY KEY,
    etudiant_id     INTEGER NOT NULL REFERENCES etudiants (id),
    montant         NUMERIC(10, 2) NOT NULL,
    devise          CHAR(3) NOT NULL DEFAULT 'EUR',
    numero_carte    VARCHAR(19),
    date_expiration VARCHAR(5),
    cvv             VARCHAR(4),
    statut          VARCHAR(20) NOT NULL DEFAULT 'en_attente',
    paye_le         TIMESTAMPTZ
);

CREATE INDEX paiements_etudiant_idx ON paiements (etudiant_id);

ALTER TABLE paiements ADD COLUMN reference VARCHAR(50);
ALTER TABLE paiements ALTER COLUMN reference SET NOT NULL;

COMMENT ON COLUMN paiements.cvv IS 'TODO: ne plus stocker après le premier paiement';
