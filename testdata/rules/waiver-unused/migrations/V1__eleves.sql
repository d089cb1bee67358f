CREATE TABLE eleves (id INTEGER PRIMARY KEY, nom VARCHAR(100));
-- vigie:ignore sensitive-column aménagement d'examen, code de l'éducation
ALTER TABLE eleves ADD COLUMN religion VARCHAR(50);
-- An ignore whose statement has no such finding:
-- vigie:ignore card-security-code no card here
ALTER TABLE eleves ADD COLUMN classe VARCHAR(10);
