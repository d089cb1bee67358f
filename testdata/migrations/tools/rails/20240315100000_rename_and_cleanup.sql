-- == 20240315100000 RenameAndCleanup: migrating =================================
-- rename_column(:students, :extra_info, :confession)
ALTER TABLE "students" ADD "extra_info" character varying;
ALTER TABLE "students" RENAME COLUMN "extra_info" TO "confession";
-- change_column_default(:students, :active, {:from=>true, :to=>false})
ALTER TABLE "students" ALTER COLUMN "active" SET DEFAULT FALSE;
-- add_reference(:students, :school_class, {:foreign_key=>true})
ALTER TABLE "students" ADD "school_class_id" bigint;
CREATE INDEX "index_students_on_school_class_id" ON "students" ("school_class_id");
-- remove_column(:guardians, :mobile_phone)
ALTER TABLE "guardians" DROP COLUMN "mobile_phone";
-- == 20240315100000 RenameAndCleanup: migrated (0.0042s) ========================
