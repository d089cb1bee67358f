-- CreateProspectsTable
create table `prospects` (`id` bigint unsigned not null auto_increment primary key, `nom` varchar(100) null, `prenom` varchar(100) null, `email` varchar(255) not null, `telephone` varchar(20) null, `origine` varchar(50) null comment 'salon, site, jpo', `newsletter` tinyint(1) not null default '1', `accepte_cgu` tinyint(1) not null default '0', `commentaire` text null, `dernier_contact` timestamp null, `created_at` timestamp null, `updated_at` timestamp null) default character set utf8mb4 collate 'utf8mb4_unicode_ci';
alter table `prospects` add index `prospects_dernier_contact_index`(`dernier_contact`);
-- CreateInteractionsTable
create table `interactions` (`id` bigint unsigned not null auto_increment primary key, `personne_type` varchar(255) not null, `personne_id` bigint unsigned not null, `canal` varchar(20) null, `remarque` text null comment 'Saisie libre du conseiller', `auteur_id` bigint unsigned null, `created_at` timestamp null, `updated_at` timestamp null) default character set utf8mb4 collate 'utf8mb4_unicode_ci';
alter table `interactions` add index `interactions_personne_type_personne_id_index`(`personne_type`, `personne_id`);
-- CreateUsersTable
create table `users` (`id` bigint unsigned not null auto_increment primary key, `name` varchar(255) not null, `email` varchar(255) not null, `email_verified_at` timestamp null, `password` varchar(255) not null, `remember_token` varchar(100) null, `created_at` timestamp null, `updated_at` timestamp null) default character set utf8mb4 collate 'utf8mb4_unicode_ci';
alter table `users` add unique `users_email_unique`(`email`);
create table `password_reset_tokens` (`email` varchar(255) not null, `token` varchar(255) not null, `created_at` timestamp null, primary key (`email`)) default character set utf8mb4 collate 'utf8mb4_unicode_ci';
create table `sessions` (`id` varchar(255) not null, `user_id` bigint unsigned null, `ip_address` varchar(45) null, `user_agent` text null, `payload` longtext not null, `last_activity` int not null, primary key (`id`)) default character set utf8mb4 collate 'utf8mb4_unicode_ci';
alter table `sessions` add index `sessions_user_id_index`(`user_id`);
alter table `sessions` add index `sessions_last_activity_index`(`last_activity`);
