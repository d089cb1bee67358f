CREATE TABLE eleves (id INTEGER PRIMARY KEY, nom VARCHAR(100));
CREATE TABLE parents (id INTEGER PRIMARY KEY, nom VARCHAR(100));
CREATE TABLE notes (id INTEGER PRIMARY KEY, eleve_id INTEGER, note INTEGER);
CREATE TABLE salles (id INTEGER PRIMARY KEY, libelle VARCHAR(50));
CREATE ROLE vigie_t_rf_reader_{{pid}};
CREATE ROLE vigie_t_rf_inner_{{pid}};
CREATE ROLE vigie_t_rf_other_{{pid}};
GRANT vigie_t_rf_inner_{{pid}} TO vigie_t_rf_reader_{{pid}};
GRANT SELECT ON eleves TO vigie_t_rf_reader_{{pid}};         -- listed in may_read
GRANT SELECT (note) ON notes TO vigie_t_rf_reader_{{pid}};   -- a column privilege: flagged
GRANT SELECT ON parents TO vigie_t_rf_inner_{{pid}};         -- through membership: flagged
GRANT SELECT ON salles TO vigie_t_rf_reader_{{pid}};         -- not personal data
GRANT SELECT ON eleves, parents, notes TO vigie_t_rf_other_{{pid}};  -- no profile: not judged
