-- CreateDemandesDroitsTable (+ a few hand-written statements added by the DBA)
create table `demandes_droits` (`id` bigint unsigned not null auto_increment primary key, `type_demande` enum('acces', 'rectification', 'effacement', 'opposition', 'portabilite') not null, `email_demandeur` varchar(255) not null, `piece_identite` longblob null, `recu_le` datetime not null, `repondu_le` datetime null, `prolongee` tinyint(1) not null default '0', `created_at` timestamp null, `updated_at` timestamp null) default character set utf8mb4 collate 'utf8mb4_unicode_ci';
alter table `demandes_droits` add index `demandes_droits_recu_le_index`(`recu_le`);
alter table `users` add `two_factor_secret` text null after `password`, add `two_factor_recovery_codes` text null after `two_factor_secret`;
alter table `users` add `last_login_ip` varchar(45) null, algorithm=inplace, lock=none;
ALTER TABLE `prospects` ADD COLUMN (`date_naissance` DATE NULL, `sante` TEXT NULL);
CREATE TABLE `stats_prospects` SELECT origine, COUNT(*) AS nb FROM prospects GROUP BY origine;
CREATE TABLE `inscriptions_annuelles` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `etudiant_id` bigint unsigned NOT NULL,
  `annee` smallint NOT NULL,
  `nom_complet` varchar(201) GENERATED ALWAYS AS (concat(`nom`, ' ', `prenom`)) STORED,
  `nom` varchar(100) NOT NULL,
  `prenom` varchar(100) NOT NULL,
  PRIMARY KEY (`id`, `annee`)
) ENGINE=InnoDB
PARTITION BY RANGE (`annee`) (
  PARTITION p2024 VALUES LESS THAN (2025),
  PARTITION p2025 VALUES LESS THAN (2026),
  PARTITION pmax VALUES LESS THAN MAXVALUE
);
alter table `interactions` modify `remarque` mediumtext null comment 'Saisie libre du conseiller';
alter table `etudiants` drop `observations`;
