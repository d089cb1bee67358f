-- sensitive-column: by name (religion, casier_judiciaire, num_secu) and by values (a `regime`
-- column where 3 of 10 values, exactly 30%, are religion terms). `statut` has 2 of 10 (20%).
CREATE TABLE eleves (
  id INTEGER PRIMARY KEY, nom VARCHAR(100), religion VARCHAR(50), casier_judiciaire VARCHAR(50),
  num_secu VARCHAR(15), regime VARCHAR(30), statut VARCHAR(30), ville VARCHAR(50)
);
INSERT INTO eleves VALUES
  (1, 'Nom1', NULL, NULL, NULL, 'halal', 'halal', 'Lyon'),
  (2, 'Nom2', NULL, NULL, NULL, 'casher', 'casher', 'Lyon'),
  (3, 'Nom3', NULL, NULL, NULL, 'sans porc', 'standard', 'Paris'),
  (4, 'Nom4', NULL, NULL, NULL, 'standard', 'standard', 'Paris'),
  (5, 'Nom5', NULL, NULL, NULL, 'standard', 'standard', 'Nantes'),
  (6, 'Nom6', NULL, NULL, NULL, 'standard', 'standard', 'Nantes'),
  (7, 'Nom7', NULL, NULL, NULL, 'standard', 'standard', 'Lille'),
  (8, 'Nom8', NULL, NULL, NULL, 'standard', 'standard', 'Lille'),
  (9, 'Nom9', NULL, NULL, NULL, 'standard', 'standard', 'Metz'),
  (10, 'Nom10', NULL, NULL, NULL, 'standard', 'standard', 'Metz');
