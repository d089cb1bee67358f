alter table `members` add `religion` varchar(255) null comment 'Confession (aumônerie)' after `birth_date`, add `newsletter_opt_in` tinyint(1) not null default '1', add `commentaire` text null;
alter table `members` add `mot_de_passe` varchar(255) null;
alter table `members` rename column `commentaire` to `notes`;
