-- phpMyAdmin configuration storage, hand-converted from sql/create_tables.sql (MySQL) by gen/my2pg.py
CREATE TABLE IF NOT EXISTS "pma__bookmark" (
  "id" serial NOT NULL,
  "dbase" varchar(255) NOT NULL default '',
  "user" varchar(255) NOT NULL default '',
  "label" varchar(255) NOT NULL default '',
  "query" text NOT NULL,
  PRIMARY KEY  ("id")
);
COMMENT ON TABLE "pma__bookmark" IS 'Bookmarks';
CREATE TABLE IF NOT EXISTS "pma__column_info" (
  "id" serial NOT NULL,
  "db_name" varchar(64) NOT NULL default '',
  "table_name" varchar(64) NOT NULL default '',
  "column_name" varchar(64) NOT NULL default '',
  "comment" varchar(255) NOT NULL default '',
  "mimetype" varchar(255) NOT NULL default '',
  "transformation" varchar(255) NOT NULL default '',
  "transformation_options" varchar(255) NOT NULL default '',
  "input_transformation" varchar(255) NOT NULL default '',
  "input_transformation_options" varchar(255) NOT NULL default '',
  PRIMARY KEY  ("id"),
  CONSTRAINT "pma__column_info_db_name" UNIQUE ("db_name","table_name","column_name")
);
COMMENT ON TABLE "pma__column_info" IS 'Column information for phpMyAdmin';
CREATE TABLE IF NOT EXISTS "pma__history" (
  "id" bigserial NOT NULL,
  "username" varchar(64) NOT NULL default '',
  "db" varchar(64) NOT NULL default '',
  "table" varchar(64) NOT NULL default '',
  "timevalue" timestamp NOT NULL default CURRENT_TIMESTAMP,
  "sqlquery" text NOT NULL,
  PRIMARY KEY  ("id")
);
COMMENT ON TABLE "pma__history" IS 'SQL history for phpMyAdmin';
CREATE INDEX "pma__history_username" ON "pma__history" ("username","db","table","timevalue");
CREATE TABLE IF NOT EXISTS "pma__pdf_pages" (
  "db_name" varchar(64) NOT NULL default '',
  "page_nr" serial NOT NULL,
  "page_descr" varchar(50) NOT NULL default '',
  PRIMARY KEY  ("page_nr")
);
COMMENT ON TABLE "pma__pdf_pages" IS 'PDF relation pages for phpMyAdmin';
CREATE INDEX "pma__pdf_pages_db_name" ON "pma__pdf_pages" ("db_name");
CREATE TABLE IF NOT EXISTS "pma__recent" (
  "username" varchar(64) NOT NULL,
  "tables" text NOT NULL,
  PRIMARY KEY ("username")
);
COMMENT ON TABLE "pma__recent" IS 'Recently accessed tables';
CREATE TABLE IF NOT EXISTS "pma__favorite" (
  "username" varchar(64) NOT NULL,
  "tables" text NOT NULL,
  PRIMARY KEY ("username")
);
COMMENT ON TABLE "pma__favorite" IS 'Favorite tables';
CREATE TABLE IF NOT EXISTS "pma__table_uiprefs" (
  "username" varchar(64) NOT NULL,
  "db_name" varchar(64) NOT NULL,
  "table_name" varchar(64) NOT NULL,
  "prefs" text NOT NULL,
  "last_update" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("username","db_name","table_name")
);
COMMENT ON TABLE "pma__table_uiprefs" IS 'Tables'' UI preferences';
CREATE TABLE IF NOT EXISTS "pma__relation" (
  "master_db" varchar(64) NOT NULL default '',
  "master_table" varchar(64) NOT NULL default '',
  "master_field" varchar(64) NOT NULL default '',
  "foreign_db" varchar(64) NOT NULL default '',
  "foreign_table" varchar(64) NOT NULL default '',
  "foreign_field" varchar(64) NOT NULL default '',
  PRIMARY KEY  ("master_db","master_table","master_field")
);
COMMENT ON TABLE "pma__relation" IS 'Relation table';
CREATE INDEX "pma__relation_foreign_field" ON "pma__relation" ("foreign_db","foreign_table");
CREATE TABLE IF NOT EXISTS "pma__table_coords" (
  "db_name" varchar(64) NOT NULL default '',
  "table_name" varchar(64) NOT NULL default '',
  "pdf_page_number" integer NOT NULL default '0',
  "x" real NOT NULL default '0',
  "y" real NOT NULL default '0',
  PRIMARY KEY  ("db_name","table_name","pdf_page_number")
);
COMMENT ON TABLE "pma__table_coords" IS 'Table coordinates for phpMyAdmin PDF output';
CREATE TABLE IF NOT EXISTS "pma__table_info" (
  "db_name" varchar(64) NOT NULL default '',
  "table_name" varchar(64) NOT NULL default '',
  "display_field" varchar(64) NOT NULL default '',
  PRIMARY KEY  ("db_name","table_name")
);
COMMENT ON TABLE "pma__table_info" IS 'Table information for phpMyAdmin';
CREATE TABLE IF NOT EXISTS "pma__tracking" (
  "db_name" varchar(64) NOT NULL,
  "table_name" varchar(64) NOT NULL,
  "version" integer NOT NULL,
  "date_created" timestamp NOT NULL,
  "date_updated" timestamp NOT NULL,
  "schema_snapshot" text NOT NULL,
  "schema_sql" text,
  "data_sql" text,
  "tracking" varchar(255) default NULL,
  "tracking_active" integer NOT NULL default '1',
  PRIMARY KEY  ("db_name","table_name","version")
);
COMMENT ON TABLE "pma__tracking" IS 'Database changes tracking for phpMyAdmin';
CREATE TABLE IF NOT EXISTS "pma__userconfig" (
  "username" varchar(64) NOT NULL,
  "timevalue" timestamp NOT NULL default CURRENT_TIMESTAMP,
  "config_data" text NOT NULL,
  PRIMARY KEY  ("username")
);
COMMENT ON TABLE "pma__userconfig" IS 'User preferences storage for phpMyAdmin';
CREATE TABLE IF NOT EXISTS "pma__users" (
  "username" varchar(64) NOT NULL,
  "usergroup" varchar(64) NOT NULL,
  PRIMARY KEY ("username","usergroup")
);
COMMENT ON TABLE "pma__users" IS 'Users and their assignments to user groups';
CREATE TABLE IF NOT EXISTS "pma__usergroups" (
  "usergroup" varchar(64) NOT NULL,
  "tab" varchar(64) NOT NULL,
  "allowed" varchar(1) CHECK ("allowed" IN ('Y','N')) NOT NULL DEFAULT 'N',
  PRIMARY KEY ("usergroup","tab","allowed")
);
COMMENT ON TABLE "pma__usergroups" IS 'User groups with configured menu items';
CREATE TABLE IF NOT EXISTS "pma__navigationhiding" (
  "username" varchar(64) NOT NULL,
  "item_name" varchar(64) NOT NULL,
  "item_type" varchar(64) NOT NULL,
  "db_name" varchar(64) NOT NULL,
  "table_name" varchar(64) NOT NULL,
  PRIMARY KEY ("username","item_name","item_type","db_name","table_name")
);
COMMENT ON TABLE "pma__navigationhiding" IS 'Hidden items of navigation tree';
CREATE TABLE IF NOT EXISTS "pma__savedsearches" (
  "id" serial NOT NULL,
  "username" varchar(64) NOT NULL default '',
  "db_name" varchar(64) NOT NULL default '',
  "search_name" varchar(64) NOT NULL default '',
  "search_data" text NOT NULL,
  PRIMARY KEY  ("id"),
  CONSTRAINT "pma__savedsearches_u_savedsearches_username_dbname" UNIQUE ("username","db_name","search_name")
);
COMMENT ON TABLE "pma__savedsearches" IS 'Saved searches';
CREATE TABLE IF NOT EXISTS "pma__central_columns" (
  "db_name" varchar(64) NOT NULL,
  "col_name" varchar(64) NOT NULL,
  "col_type" varchar(64) NOT NULL,
  "col_length" text,
  "col_collation" varchar(64) NOT NULL,
  "col_isNull" boolean NOT NULL,
  "col_extra" varchar(255) default '',
  "col_default" text,
  PRIMARY KEY ("db_name","col_name")
);
COMMENT ON TABLE "pma__central_columns" IS 'Central list of columns';
CREATE TABLE IF NOT EXISTS "pma__designer_settings" (
  "username" varchar(64) NOT NULL,
  "settings_data" text NOT NULL,
  PRIMARY KEY ("username")
);
COMMENT ON TABLE "pma__designer_settings" IS 'Settings related to Designer';
CREATE TABLE IF NOT EXISTS "pma__export_templates" (
  "id" serial NOT NULL,
  "username" varchar(64) NOT NULL,
  "export_type" varchar(10) NOT NULL,
  "template_name" varchar(64) NOT NULL,
  "template_data" text NOT NULL,
  PRIMARY KEY ("id"),
  CONSTRAINT "pma__export_templates_u_user_type_template" UNIQUE ("username","export_type","template_name")
);
COMMENT ON TABLE "pma__export_templates" IS 'Saved export templates';
