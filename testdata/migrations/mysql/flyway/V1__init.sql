--Schéma initial de l'association des anciens (MySQL 8)
--Auteur: équipe SI
# Flyway V1

CREATE TABLE IF NOT EXISTS alumni (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  nom VARCHAR(100) NOT NULL,
  prenom VARCHAR(100) NOT NULL,
  email VARCHAR(255) DEFAULT NULL,
  promo SMALLINT NOT NULL,
  employeur VARCHAR(200) DEFAULT NULL,
  --poste occupé actuellement
  poste VARCHAR(200) DEFAULT NULL,
  date_naissance DATE DEFAULT NULL,
  publication_annuaire TINYINT(1) NOT NULL DEFAULT 1,
  derniere_activite DATETIME DEFAULT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_alumni_email (email),
  KEY idx_alumni_promo (promo)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='Annuaire des diplômés';

CREATE TABLE IF NOT EXISTS cotisations (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  alumni_id INT UNSIGNED NOT NULL,
  annee YEAR NOT NULL,
  montant DECIMAL(8,2) NOT NULL,
  mode_paiement ENUM('cheque','virement','carte') NOT NULL,
  rib VARCHAR(34) NULL COMMENT 'pour les prélèvements',
  CONSTRAINT fk_cotisations_alumni FOREIGN KEY (alumni_id) REFERENCES alumni (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE evenements (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  titre VARCHAR(200) NOT NULL,
  lieu VARCHAR(200),
  date_debut DATETIME NOT NULL,
  places INT
) ENGINE=InnoDB;

CREATE TABLE participations (
  evenement_id INT UNSIGNED NOT NULL,
  alumni_id INT UNSIGNED NOT NULL,
  regime_alimentaire VARCHAR(50) NULL,
  allergies TEXT NULL,
  present TINYINT(1) NULL,
  PRIMARY KEY (evenement_id, alumni_id)
) ENGINE=InnoDB;

INSERT INTO evenements (titre, lieu, date_debut, places) VALUES
  ('Gala des 20 ans', 'Salle des fêtes; Lyon', '2024-06-15 19:00:00', 300),
  ('Afterwork l\'été', 'Bar "Le Comptoir"', '2024-07-04 18:30:00', 80);

#--- droits
GRANT SELECT ON alumni TO 'annuaire'@'%';
