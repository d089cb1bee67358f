-- card-security-code: a CVV column is reported as soon as it exists; count = rows holding a
-- code (not NULL, not empty), or 1 when none does.
CREATE TABLE paiements (id INTEGER PRIMARY KEY, montant INTEGER, cvv VARCHAR(4));
INSERT INTO paiements VALUES (1, 10, NULL), (2, 20, '123'), (3, 30, ''), (4, 40, '999');
CREATE TABLE cartes (id INTEGER PRIMARY KEY, cryptogramme VARCHAR(4), libelle VARCHAR(20));
INSERT INTO cartes VALUES (1, NULL, 'a'), (2, '', 'b');
-- A code postal is no card code.
CREATE TABLE adresses (id INTEGER PRIMARY KEY, code_postal VARCHAR(5));
INSERT INTO adresses VALUES (1, '75001');
