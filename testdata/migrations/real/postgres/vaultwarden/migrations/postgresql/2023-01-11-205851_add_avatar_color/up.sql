ALTER TABLE users
ADD COLUMN avatar_color TEXT;
