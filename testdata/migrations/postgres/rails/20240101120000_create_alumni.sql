-- Rails migration CreateAlumni, exported with `rails db:migrate:up VERSION=20240101120000` (SQL log)
CREATE TABLE "alumni" ("id" bigserial primary key, "etudiant_id" bigint, "nom" character varying NOT NULL, "nom_naissance" character varying, "prenom" character varying NOT NULL, "email" character varying, "promo" integer NOT NULL, "employeur" character varying, "poste" character varying, "linkedin_url" character varying, "publication_annuaire" boolean DEFAULT FALSE NOT NULL, "derniere_activite" timestamp(6), "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL, CONSTRAINT "fk_rails_3b8f1a2c9d"
FOREIGN KEY ("etudiant_id")
  REFERENCES "etudiants" ("id")
);
CREATE  INDEX  "index_alumni_on_etudiant_id" ON "alumni"  ("etudiant_id");
CREATE  INDEX  "index_alumni_on_promo" ON "alumni"  ("promo");
CREATE UNIQUE INDEX  "index_alumni_on_email" ON "alumni"  ("email") WHERE email IS NOT NULL;
INSERT INTO "schema_migrations" ("version") VALUES ('20240101120000') RETURNING "version";
