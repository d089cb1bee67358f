CREATE TABLE students (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id   uuid REFERENCES members(id),
    nom         varchar(100) NOT NULL,
    prenom      varchar(100) NOT NULL,
    date_naissance date,
    created_at  timestamptz NOT NULL DEFAULT now()
);
