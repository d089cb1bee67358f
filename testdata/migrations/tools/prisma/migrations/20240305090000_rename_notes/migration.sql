/*
  Warnings:

  - You are about to drop the column `phoneNumber` on the `Student` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "Student" DROP COLUMN "phoneNumber";

-- Manually edited: keep the data
ALTER TABLE "Student" RENAME COLUMN "notes" TO "medicalNotes";
