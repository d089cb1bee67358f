-- == 20240110090000 CreateStudents: migrating ===================================
-- create_table(:guardians)
CREATE TABLE "guardians" ("id" bigserial primary key, "first_name" character varying NOT NULL, "last_name" character varying NOT NULL, "email" character varying, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL);
-- create_table(:students)
CREATE TABLE "students" ("id" bigserial primary key, "guardian_id" bigint NOT NULL, "first_name" character varying NOT NULL, "last_name" character varying NOT NULL, "active" boolean DEFAULT TRUE NOT NULL, "created_at" timestamp(6) NOT NULL, "updated_at" timestamp(6) NOT NULL, CONSTRAINT "fk_rails_6e4f2a1b3c"
FOREIGN KEY ("guardian_id")
  REFERENCES "guardians" ("id")
);
CREATE INDEX "index_students_on_guardian_id" ON "students" ("guardian_id");
-- == 20240110090000 CreateStudents: migrated (0.0123s) ==========================
