ALTER TABLE sso_auth ADD COLUMN IF NOT EXISTS code_response_error TEXT;
