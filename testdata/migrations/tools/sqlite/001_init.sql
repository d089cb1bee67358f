PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS familles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nom TEXT NOT NULL,
    courriel TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE IF NOT EXISTS eleves (
    id INTEGER PRIMARY KEY,
    famille_id INTEGER REFERENCES familles(id) ON DELETE CASCADE,
    nom TEXT NOT NULL,
    prenom TEXT NOT NULL,
    classe TEXT,
    updated_at TEXT
) STRICT;

CREATE INDEX IF NOT EXISTS idx_eleves_famille ON eleves(famille_id);

CREATE TRIGGER IF NOT EXISTS eleves_touch AFTER UPDATE ON eleves
BEGIN
    UPDATE eleves SET updated_at = datetime('now') WHERE id = NEW.id;
END;

CREATE VIEW IF NOT EXISTS v_eleves AS SELECT id, nom, prenom FROM eleves;
