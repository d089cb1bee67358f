-- +goose Up
ALTER TABLE volunteers ADD COLUMN syndicat TEXT;
ALTER TABLE volunteers ADD COLUMN newsletter BOOLEAN NOT NULL DEFAULT TRUE;

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION volunteers_guard() RETURNS trigger AS $$
BEGIN
    IF NEW.nom IS NULL THEN
        RAISE EXCEPTION 'nom required';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE volunteers DROP COLUMN newsletter;
ALTER TABLE volunteers DROP COLUMN syndicat;
DROP FUNCTION volunteers_guard();
