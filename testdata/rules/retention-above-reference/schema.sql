-- retention-above-reference: declared keep against the CNIL reference it cites (policy only).
CREATE TABLE prospects (id INTEGER PRIMARY KEY, email VARCHAR(100), dernier_contact DATE);
CREATE TABLE clients (id INTEGER PRIMARY KEY, email VARCHAR(100), fin_contrat DATE);
CREATE TABLE comptes (id INTEGER PRIMARY KEY, email VARCHAR(100), derniere_connexion DATE);
CREATE TABLE oppositions (id INTEGER PRIMARY KEY, email VARCHAR(100), inscrit_le DATE);
CREATE TABLE candidats (id INTEGER PRIMARY KEY, email VARCHAR(100), refuse_le DATE);
CREATE TABLE badges (id INTEGER PRIMARY KEY, email VARCHAR(100), passe_le DATE);
