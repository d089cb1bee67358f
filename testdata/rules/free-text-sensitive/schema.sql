-- The free-text rules on one CRM comment column: judgements and insults, special categories,
-- identifiers confirmed by checksum; and ordinary notes that must not be flagged.
CREATE TABLE interactions (id INTEGER PRIMARY KEY, canal VARCHAR(20), commentaire TEXT);
INSERT INTO interactions VALUES
  (1, 'tel', 'Client agressif et menteur, ne surtout pas convoquer'),
  (2, 'tel', 'Parent très pénible au téléphone'),
  (3, 'mail', 'Quel connard ce monsieur'),
  (4, 'rdv', 'Fou rire général pendant la réunion'),
  (5, 'rdv', 'Prendre contact avec le conseil de classe'),
  (6, 'tel', 'Élève hospitalisé pour une dépression'),
  (7, 'rdv', 'Famille de confession juive'),
  (8, 'tel', 'Le père de l''élève est en garde à vue'),
  (9, 'mail', 'NIR 285077512345655 transmis par la mère'),
  (10, 'mail', 'IBAN FR7630006000011234567890189 pour le remboursement'),
  (11, 'mail', 'Dossier numéro 285077512345656 en attente'),
  (12, 'tel', NULL),
  (13, 'tel', 'Paiement par carte 4532015112830366 refusé'),
  (14, 'tel', 'Vol annulé, rendez-vous reporté'),
  (15, 'rdv', 'Gros client, commande de 40 manuels');
