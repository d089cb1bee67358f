BEGIN;
--
-- Add field religion to student
--
ALTER TABLE "crm_student" ADD COLUMN "religion" varchar(50) NULL;
--
-- Add field newsletter to guardian
--
ALTER TABLE "crm_guardian" ADD COLUMN "newsletter" boolean DEFAULT true NOT NULL;
ALTER TABLE "crm_guardian" ALTER COLUMN "newsletter" DROP DEFAULT;
--
-- Add field consent_photos to student
--
ALTER TABLE "crm_student" ADD COLUMN "consent_photos" boolean DEFAULT true NOT NULL;
--
-- Add field iban to guardian
--
ALTER TABLE "crm_guardian" ADD COLUMN "iban" varchar(34) DEFAULT '' NOT NULL;
ALTER TABLE "crm_guardian" ALTER COLUMN "iban" DROP DEFAULT;
--
-- Alter field email on guardian
--
SET CONSTRAINTS "crm_guardian_email_key" IMMEDIATE; ALTER TABLE "crm_guardian" DROP CONSTRAINT "crm_guardian_email_key";
DROP INDEX IF EXISTS "crm_guardian_email_0c3e9d41_like";
COMMIT;
