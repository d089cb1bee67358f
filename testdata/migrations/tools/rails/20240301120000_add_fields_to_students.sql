-- == 20240301120000 AddFieldsToStudents: migrating ==============================
-- add_column(:students, :handicap, :string)
ALTER TABLE "students" ADD "handicap" character varying;
-- add_column(:students, :num_secu, :string, {:limit=>15})
ALTER TABLE "students" ADD "num_secu" character varying(15);
-- add_column(:guardians, :newsletter, :boolean, {:default=>true, :null=>false})
ALTER TABLE "guardians" ADD "newsletter" boolean DEFAULT TRUE NOT NULL;
-- add_column(:guardians, :mobile_phone, :string)
ALTER TABLE "guardians" ADD "mobile_phone" character varying;
-- add_index(:guardians, :email, {:unique=>true})
CREATE UNIQUE INDEX "index_guardians_on_email" ON "guardians" ("email");
-- == 20240301120000 AddFieldsToStudents: migrated (0.0051s) =====================
