-- piano: secret-token calendar feeds.

-- An organization's iCalendar feed is read by calendar programs, which cannot sign in: the URL
-- carries a secret token instead. Only its SHA-256 is stored; revoking sets revoked_at, and a
-- new token revokes the previous one, so each organization has at most one live token.
CREATE TABLE calendar_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX calendar_tokens_live ON calendar_tokens (organization_id)
  WHERE revoked_at IS NULL;

