-- Triggers et procédures (mysql client: DELIMITER)
CREATE TABLE journal_modifications (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  table_name VARCHAR(64) NOT NULL,
  ligne_id BIGINT UNSIGNED NOT NULL,
  modifie_par VARCHAR(100) BINARY NOT NULL,
  modifie_le DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;

DELIMITER //
CREATE TRIGGER alumni_audit AFTER UPDATE ON alumni
FOR EACH ROW
BEGIN
  INSERT INTO journal_modifications (table_name, ligne_id, modifie_par)
  VALUES ('alumni', NEW.id, CURRENT_USER());
END//

CREATE PROCEDURE purge_prospects(IN annees INT)
BEGIN
  DELETE FROM prospects WHERE dernier_contact < NOW() - INTERVAL annees YEAR;
  SELECT ROW_COUNT() AS supprimes;
END //
DELIMITER ;

CREATE TABLE candidatures (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  nom VARCHAR(100) NOT NULL,
  prenom VARCHAR(100) NOT NULL,
  email VARCHAR(255) NOT NULL,
  dt_naiss DATE NULL,
  handicap TINYINT(1) NOT NULL DEFAULT 0,
  origine_ethnique VARCHAR(50) NULL,
  lettre_motivation MEDIUMTEXT NULL,
  statut ENUM('recue','admis','refuse') NOT NULL DEFAULT 'recue'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE candidatures ADD COLUMN code_acces VARCHAR(20) BINARY NULL;
ALTER TABLE candidatures ADD FULLTEXT INDEX ft_lettre (lettre_motivation);
ALTER TABLE candidatures PARTITION BY HASH(id) PARTITIONS 4;
ALTER TABLE candidatures ADD COLUMN casier_judiciaire TEXT NULL, LOCK=NONE;
CREATE TABLE candidatures_2023 LIKE candidatures;
ALTER TABLE candidatures ADD CONSTRAINT chk_statut CHECK (statut IN ('recue','admis','refuse'));
OPTIMIZE TABLE candidatures;
CREATE OR REPLACE VIEW v_candidatures AS SELECT id, nom, prenom FROM candidatures;
