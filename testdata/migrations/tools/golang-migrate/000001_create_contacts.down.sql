DROP TABLE IF EXISTS contact_events;
DROP TABLE IF EXISTS contacts;
