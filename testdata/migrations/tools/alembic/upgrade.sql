BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 1a2b3c4d5e6f

CREATE TYPE membershipkind AS ENUM ('full', 'student');

CREATE TABLE members (
    id SERIAL NOT NULL, 
    last_name VARCHAR(100) NOT NULL, 
    first_name VARCHAR(100) NOT NULL, 
    email VARCHAR(255), 
    kind membershipkind NOT NULL, 
    consent_newsletter BOOLEAN DEFAULT 'true' NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, 
    PRIMARY KEY (id), 
    UNIQUE (email)
);

CREATE INDEX ix_members_last_name ON members (last_name);

INSERT INTO alembic_version (version_num) VALUES ('1a2b3c4d5e6f') RETURNING alembic_version.version_num;

-- Running upgrade 1a2b3c4d5e6f -> 2b3c4d5e6f7a

ALTER TABLE members ADD COLUMN confession VARCHAR(50);

ALTER TABLE members ADD COLUMN observations TEXT;

COMMENT ON COLUMN members.observations IS 'Free notes by the secretary';

UPDATE alembic_version SET version_num='2b3c4d5e6f7a' WHERE alembic_version.version_num = '1a2b3c4d5e6f';

-- Running upgrade 2b3c4d5e6f7a -> 3c4d5e6f7a8b

CREATE TABLE donations (
    id SERIAL NOT NULL, 
    member_id INTEGER NOT NULL, 
    amount NUMERIC(10, 2) NOT NULL, 
    iban VARCHAR(34), 
    PRIMARY KEY (id), 
    FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE CASCADE
);

ALTER TABLE members ALTER COLUMN consent_newsletter SET DEFAULT false;

UPDATE alembic_version SET version_num='3c4d5e6f7a8b' WHERE alembic_version.version_num = '2b3c4d5e6f7a';

COMMIT;
