--liquibase formatted sql

--changeset claire:1
--comment: table des bénévoles
CREATE TABLE benevole (
    id INT AUTO_INCREMENT PRIMARY KEY,
    nom VARCHAR(100) NOT NULL,
    prenom VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
--rollback DROP TABLE benevole;

--changeset claire:2
ALTER TABLE benevole ADD COLUMN casier_judiciaire TINYINT(1) NOT NULL DEFAULT 0 COMMENT 'Extrait B3 fourni';
--rollback ALTER TABLE benevole DROP COLUMN casier_judiciaire;
