CREATE TABLE eleves (id INTEGER PRIMARY KEY, nom VARCHAR(100));
CREATE TABLE parents (id INTEGER PRIMARY KEY, nom VARCHAR(100), telephone VARCHAR(20));
CREATE TABLE notes (id INTEGER PRIMARY KEY, eleve_id INTEGER, note INTEGER);
CREATE TABLE salles (id INTEGER PRIMARY KEY, libelle VARCHAR(50));
CREATE ROLE vigie_t_rf_pub_{{pid}};
GRANT SELECT ON eleves TO PUBLIC;                    -- a personal table open to all: flagged
GRANT SELECT (nom) ON parents TO PUBLIC;             -- a column privilege is enough: flagged
GRANT SELECT ON notes TO vigie_t_rf_pub_{{pid}};     -- one role only: not this rule's
GRANT SELECT ON salles TO PUBLIC;                    -- not personal data
