-- Rails migration RenameNotesAndFixTypes
BEGIN;
ALTER TABLE "alumni" RENAME COLUMN "poste" TO "fonction";
ALTER TABLE "alumni" ALTER COLUMN "promo" TYPE smallint;
ALTER TABLE "alumni" ALTER COLUMN "email" SET NOT NULL;
ALTER TABLE "alumni" ALTER COLUMN "publication_annuaire" SET DEFAULT TRUE;
ALTER TABLE "prospects" ALTER COLUMN "consent_marketing" SET DEFAULT FALSE;
ALTER TABLE "prospects" ALTER COLUMN "telephone" DROP NOT NULL;
ALTER TABLE "interactions" RENAME TO "echanges";
ALTER TABLE "echanges" ADD "notes" text;
ALTER TABLE "echanges" DROP COLUMN "auteur_id";
ALTER TABLE "utilisateurs" ALTER COLUMN "role" DROP DEFAULT;
INSERT INTO "schema_migrations" ("version") VALUES ('20240402081500') RETURNING "version";
COMMIT;
