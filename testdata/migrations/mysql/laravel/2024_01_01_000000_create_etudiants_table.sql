-- php artisan migrate --pretend
-- CreateEtudiantsTable: create table `etudiants` ...
create table `etudiants` (`id` bigint unsigned not null auto_increment primary key, `nom` varchar(100) not null, `prenom` varchar(100) not null, `email` varchar(255) not null, `tel_portable` varchar(20) null, `date_naissance` date null, `adresse` varchar(255) null, `code_postal` varchar(5) null, `ville` varchar(100) null, `promo` smallint unsigned null, `statut` enum('inscrit', 'diplome', 'abandon') not null default 'inscrit', `created_at` timestamp null, `updated_at` timestamp null) default character set utf8mb4 collate 'utf8mb4_unicode_ci';
alter table `etudiants` add unique `etudiants_email_unique`(`email`);
alter table `etudiants` add index `etudiants_promo_index`(`promo`);
create table `formations` (`id` bigint unsigned not null auto_increment primary key, `code` varchar(20) not null, `nom` varchar(200) not null, `description` text null, `created_at` timestamp null, `updated_at` timestamp null) default character set utf8mb4 collate 'utf8mb4_unicode_ci';
alter table `etudiants` add `formation_id` bigint unsigned null after `promo`;
alter table `etudiants` add constraint `etudiants_formation_id_foreign` foreign key (`formation_id`) references `formations` (`id`) on delete set null;
