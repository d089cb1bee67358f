ALTER TABLE contacts ADD COLUMN note_libre TEXT;
ALTER TABLE contacts RENAME COLUMN note_libre TO orientation_sexuelle;
