-- Invitations replace adding people by e-mail: the admin invites an address to a role, and the
-- person who holds the single-use link accepts it, with their account or a new one. Whether the
-- address already has an account is never told to the admin. Only the link's hash is stored.
CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  unit_key text,
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  revoked_at timestamptz,
  FOREIGN KEY (organization_id, unit_key) REFERENCES units (organization_id, key) ON UPDATE CASCADE,
  CHECK (role <> 'editor' OR unit_key IS NOT NULL),
  CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
-- One open invitation per address and organization: inviting again replaces it.
CREATE UNIQUE INDEX invitations_open ON invitations (organization_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;
