-- Add migration script here
alter table history alter column data type text;
