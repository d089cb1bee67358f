-- Rails migration AddConsentToProspects
BEGIN;
ALTER TABLE "prospects" ADD "consent_marketing" boolean DEFAULT TRUE NOT NULL;
ALTER TABLE "prospects" ADD "consent_given_at" timestamp(6);
ALTER TABLE "prospects" ADD "last_sign_in_ip" inet;
ALTER TABLE "utilisateurs" ADD "encrypted_password" character varying DEFAULT '' NOT NULL;
ALTER TABLE "utilisateurs" ADD "reset_password_token" character varying;
ALTER TABLE "utilisateurs" ADD "reset_password_sent_at" timestamp(6);
ALTER TABLE "utilisateurs" ADD "sign_in_count" integer DEFAULT 0 NOT NULL;
ALTER TABLE "utilisateurs" ADD "current_sign_in_ip" character varying;
CREATE UNIQUE INDEX "index_utilisateurs_on_reset_password_token" ON "utilisateurs" ("reset_password_token");
INSERT INTO "schema_migrations" ("version") VALUES ('20240315093000') RETURNING "version";
COMMIT;
