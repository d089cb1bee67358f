CREATE TABLE IF NOT EXISTS members (
    id          uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    nom         varchar(100) NOT NULL,
    prenom      varchar(100) NOT NULL,
    email       citext UNIQUE,
    kind        membership_kind NOT NULL DEFAULT 'full',
    accepte_newsletter boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE members IS 'Adhérents de l''association';
COMMENT ON COLUMN members.kind IS 'Type d''adhésion';

CREATE TRIGGER members_touch BEFORE UPDATE ON members
    FOR EACH ROW EXECUTE PROCEDURE touch_updated_at();

CREATE TABLE membership_fees (
    id          bigserial PRIMARY KEY,
    member_id   uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    amount      numeric(8,2) NOT NULL,
    paid_on     date NOT NULL
);
CREATE INDEX idx_membership_fees_member ON membership_fees (member_id);
