-- AlterTable
ALTER TABLE "Guardian" ADD COLUMN     "marketingOptIn" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "iban" TEXT;

-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "religiousAffiliation" TEXT,
ADD COLUMN     "socialSecurityNumber" TEXT,
ADD COLUMN     "phoneNumber" TEXT,
ADD COLUMN     "notes" TEXT;
