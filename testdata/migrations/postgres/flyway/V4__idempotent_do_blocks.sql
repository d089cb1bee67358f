-- V4: migration rejouable (blocs DO)

DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM information_schema.columns
        WHERE table_name = 'etudiants' AND column_name = 'nationalite'
    ) THEN
        ALTER TABLE etudiants ADD COLUMN nationalite VARCHAR(50);
    END IF;
END
$$;

DO $migration$
BEGIN
    ALTER TABLE alumni ADD COLUMN orientation_sexuelle TEXT;
EXCEPTION
    WHEN duplicate_column THEN RAISE NOTICE 'colonne déjà présente';
END
$migration$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_reader') THEN
        CREATE ROLE crm_reader NOLOGIN;
    END IF;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS archive_le timestamptz', t);
    END LOOP;
END
$$;

ALTER TABLE etudiants ADD COLUMN IF NOT EXISTS ine CHAR(11);
ALTER TABLE IF EXISTS prospects ADD COLUMN IF NOT EXISTS consentement_rgpd BOOLEAN DEFAULT TRUE;
