--V2 : corrections de schéma
SET NAMES utf8mb4;
SET FOREIGN_KEY_CHECKS = 0;

ALTER TABLE alumni MODIFY COLUMN email VARCHAR(320) NOT NULL;
ALTER TABLE alumni CHANGE COLUMN poste fonction VARCHAR(200) NULL COMMENT 'Intitulé de poste';
ALTER TABLE alumni ADD COLUMN telephone VARCHAR(20) NULL AFTER email, ADD COLUMN linkedin VARCHAR(255) NULL, DROP COLUMN derniere_activite;
ALTER TABLE alumni ADD COLUMN nationalite VARCHAR(50) NULL, ADD INDEX idx_alumni_nationalite (nationalite);
ALTER TABLE alumni ALTER COLUMN publication_annuaire SET DEFAULT 0;
ALTER TABLE alumni RENAME COLUMN nom TO nom_usage;
ALTER TABLE cotisations ENGINE=InnoDB;
ALTER TABLE cotisations CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE cotisations COMMENT = 'Cotisations annuelles des membres';
ALTER TABLE cotisations ADD COLUMN cryptogramme CHAR(3) NULL, ENGINE=InnoDB, ROW_FORMAT=DYNAMIC;
ALTER TABLE evenements ADD COLUMN description TEXT NULL;
RENAME TABLE participations TO inscriptions_evenements, cotisations TO adhesions;
ALTER TABLE inscriptions_evenements ADD COLUMN commentaire TEXT NULL;
ALTER TABLE adhesions DROP PRIMARY KEY, ADD PRIMARY KEY (id, annee);
DROP TABLE IF EXISTS tmp_import;

SET FOREIGN_KEY_CHECKS = 1;
