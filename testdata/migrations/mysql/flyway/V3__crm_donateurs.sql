-- V3__crm_donateurs.sql : module dons et bénévolat (MySQL 8 / MariaDB 10.11)
--Référentiels d'abord
SET NAMES utf8mb4;
SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='STRICT_TRANS_TABLES,NO_ZERO_DATE';
START TRANSACTION;

CREATE TABLE IF NOT EXISTS pays (
  code CHAR(2) NOT NULL PRIMARY KEY,
  libelle VARCHAR(100) NOT NULL,
  ue TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO pays (code, libelle, ue) VALUES ('FR', 'France', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('BE', 'Belgique', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('CH', 'Suisse', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('DE', 'Allemagne', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('ES', 'Espagne', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('IT', 'Italie', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('PT', 'Portugal', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('LU', 'Luxembourg', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('MA', 'Maroc', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('SN', 'Sénégal', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('CI', 'Côte d\'Ivoire', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('TN', 'Tunisie', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('DZ', 'Algérie', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('CA', 'Canada', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('GB', 'Royaume-Uni', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('US', 'États-Unis', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('NL', 'Pays-Bas', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('IE', 'Irlande', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('PL', 'Pologne', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('RO', 'Roumanie', 1);
INSERT INTO pays (code, libelle, ue) VALUES ('CM', 'Cameroun', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('MG', 'Madagascar', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('LB', 'Liban', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('VN', 'Viêt Nam', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('CN', 'Chine', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('BR', 'Brésil', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('MX', 'Mexique', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('JP', 'Japon', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('IN', 'Inde', 0);
INSERT INTO pays (code, libelle, ue) VALUES ('GR', 'Grèce', 1);

CREATE TABLE canaux (
  id TINYINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(20) NOT NULL UNIQUE,
  libelle VARCHAR(100) NOT NULL
) ENGINE=InnoDB;

INSERT INTO canaux (code, libelle) VALUES ('email', 'Courriel');
INSERT INTO canaux (code, libelle) VALUES ('courrier', 'Courrier postal');
INSERT INTO canaux (code, libelle) VALUES ('telephone', 'Téléphone');
INSERT INTO canaux (code, libelle) VALUES ('sms', 'SMS');
INSERT INTO canaux (code, libelle) VALUES ('salon', 'Salon étudiant');
INSERT INTO canaux (code, libelle) VALUES ('jpo', 'Journée portes ouvertes');
INSERT INTO canaux (code, libelle) VALUES ('site', 'Formulaire du site');
INSERT INTO canaux (code, libelle) VALUES ('reseaux', 'Réseaux sociaux');

CREATE TABLE campagnes (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  nom VARCHAR(200) NOT NULL,
  canal_id TINYINT UNSIGNED NOT NULL,
  objectif DECIMAL(12,2) NULL,
  debut DATE NOT NULL,
  fin DATE NULL,
  description TEXT NULL,
  CONSTRAINT fk_campagnes_canal FOREIGN KEY (canal_id) REFERENCES canaux (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE donateurs_particuliers (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  civilite ENUM('M.','Mme','Mx') NULL,
  nom VARCHAR(100) NOT NULL,
  prenom VARCHAR(100) NULL,
  email VARCHAR(255) NULL,
  tel VARCHAR(20) NULL,
  adresse1 VARCHAR(255) NULL,
  adresse2 VARCHAR(255) NULL,
  cp VARCHAR(10) NULL,
  ville VARCHAR(100) NULL,
  pays_code CHAR(2) NOT NULL DEFAULT 'FR',
  date_naissance DATE NULL,
  profession VARCHAR(100) NULL,
  recu_fiscal TINYINT(1) NOT NULL DEFAULT 1,
  accepte_sollicitations TINYINT(1) NOT NULL DEFAULT 1,
  sollicitations_sans_reponse TINYINT UNSIGNED NOT NULL DEFAULT 0,
  remarques TEXT NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at DATETIME NULL ON UPDATE CURRENT_TIMESTAMP,
  KEY idx_donateurs_nom (nom, prenom),
  CONSTRAINT fk_donateurs_pays FOREIGN KEY (pays_code) REFERENCES pays (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dons_recurrents (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  donateur_id INT UNSIGNED NOT NULL,
  montant_mensuel DECIMAL(8,2) NOT NULL,
  iban VARCHAR(34) NOT NULL,
  bic VARCHAR(11) NULL,
  titulaire_compte VARCHAR(200) NULL,
  mandat_sepa VARCHAR(35) NOT NULL,
  signe_le DATE NOT NULL,
  resilie_le DATE NULL,
  CONSTRAINT fk_recurrents_donateur FOREIGN KEY (donateur_id) REFERENCES donateurs_particuliers (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE benevoles (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  donateur_id INT UNSIGNED NULL,
  nom VARCHAR(100) NOT NULL,
  prenom VARCHAR(100) NOT NULL,
  email VARCHAR(255) NOT NULL,
  portable VARCHAR(20) NULL,
  competences TEXT NULL,
  disponibilites VARCHAR(255) NULL,
  permis_conduire TINYINT(1) NOT NULL DEFAULT 0,
  extrait_casier TINYINT(1) NULL COMMENT 'Vérifié pour les activités avec mineurs',
  contact_urgence_nom VARCHAR(100) NULL,
  contact_urgence_tel VARCHAR(20) NULL
) ENGINE=InnoDB;

CREATE TABLE envois (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campagne_id INT UNSIGNED NOT NULL,
  donateur_id INT UNSIGNED NOT NULL,
  envoye_le DATETIME NOT NULL,
  ouvert TINYINT(1) NOT NULL DEFAULT 0,
  clique TINYINT(1) NOT NULL DEFAULT 0,
  KEY idx_envois_campagne (campagne_id),
  KEY idx_envois_donateur (donateur_id)
) ENGINE=InnoDB;

CREATE TABLE recus_fiscaux (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  numero VARCHAR(20) NOT NULL UNIQUE,
  donateur_id INT UNSIGNED NOT NULL,
  annee YEAR NOT NULL,
  montant_total DECIMAL(10,2) NOT NULL,
  emis_le DATE NOT NULL
) ENGINE=InnoDB;

INSERT INTO campagnes (nom, canal_id, objectif, debut, fin) VALUES ('Appel aux dons 2019', 1, 50000.00, '2019-11-01', '2019-12-31');
INSERT INTO campagnes (nom, canal_id, objectif, debut, fin) VALUES ('Appel aux dons 2020', 1, 55000.00, '2020-11-01', '2020-12-31');
INSERT INTO campagnes (nom, canal_id, objectif, debut, fin) VALUES ('Appel aux dons 2021', 1, 60000.00, '2021-11-01', '2021-12-31');
INSERT INTO campagnes (nom, canal_id, objectif, debut, fin) VALUES ('Appel aux dons 2022', 1, 65000.00, '2022-11-01', '2022-12-31');
INSERT INTO campagnes (nom, canal_id, objectif, debut, fin) VALUES ('Appel aux dons 2023', 1, 70000.00, '2023-11-01', '2023-12-31');
INSERT INTO campagnes (nom, canal_id, objectif, debut, fin) VALUES ('Appel aux dons 2024', 1, 75000.00, '2024-11-01', '2024-12-31');
INSERT INTO campagnes (nom, canal_id, objectif, debut, fin) VALUES ('Appel aux dons 2025', 1, 80000.00, '2025-11-01', '2025-12-31');
INSERT INTO campagnes (nom, canal_id, objectif, debut, fin) VALUES ('Appel aux dons 2026', 1, 85000.00, '2026-11-01', '2026-12-31');

CREATE INDEX idx_recus_annee ON recus_fiscaux (annee);
CREATE UNIQUE INDEX uq_recus_donateur_annee ON recus_fiscaux (donateur_id, annee);
ALTER TABLE donateurs_particuliers ADD COLUMN religion VARCHAR(50) NULL COMMENT 'Pour les dons aux œuvres confessionnelles', ADD COLUMN commentaire_interne TEXT NULL;
ALTER TABLE donateurs_particuliers MODIFY COLUMN accepte_sollicitations TINYINT(1) NOT NULL DEFAULT 0;
ALTER TABLE benevoles CHANGE contact_urgence_tel telephone_urgence VARCHAR(20) NULL;
ALTER TABLE benevoles ADD COLUMN sante_remarques TEXT NULL AFTER competences;
ALTER TABLE envois ADD COLUMN adresse_ip VARCHAR(45) NULL;
ALTER TABLE campagnes DROP COLUMN description;
DROP TABLE IF EXISTS donateurs_old;
UPDATE donateurs_particuliers SET accepte_sollicitations = 0 WHERE sollicitations_sans_reponse >= 2;
DELETE FROM envois WHERE envoye_le < NOW() - INTERVAL 3 YEAR;
COMMIT;
SET SQL_MODE=@OLD_SQL_MODE;
