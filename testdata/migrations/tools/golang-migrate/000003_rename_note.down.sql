ALTER TABLE contacts DROP COLUMN orientation_sexuelle;
