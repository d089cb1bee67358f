ALTER TABLE students ADD COLUMN nir varchar(15);
ALTER TABLE students ADD COLUMN IF NOT EXISTS commentaire text;
ALTER TABLE students
    ADD COLUMN autorisation_photo boolean NOT NULL DEFAULT true,
    ADD COLUMN telephone varchar(20);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_name = 'students' AND column_name = 'handicap') THEN
        ALTER TABLE students ADD COLUMN handicap text;
    END IF;
END
$$;
