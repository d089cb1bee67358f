-- AddSensitiveColumnsToEtudiantsTable
alter table `etudiants` add `nir` varchar(15) null after `date_naissance`, add `sante` text null, add `religion` varchar(50) null;
alter table `etudiants` add `boursier` tinyint(1) not null default '0';
alter table `etudiants` add `droit_image` tinyint(1) not null default '1' comment 'Autorisation de publication des photos';
alter table `etudiants` add `observations` text null;
alter table `etudiants` add `note_finale` decimal(4, 2) null;
