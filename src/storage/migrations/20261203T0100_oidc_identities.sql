-- Sign-in through OpenID Connect (README, "OpenID Connect (SPID/CIE)").
--
-- A person's fiscal code, by which the first sign-in through a SPID/CIE broker finds their
-- account: upper case, without the "TINIT-" prefix SPID sends. Optional and unique.
ALTER TABLE users ADD COLUMN fiscal_code text UNIQUE
  CHECK (fiscal_code IS NULL OR fiscal_code ~ '^[A-Z0-9]{11,16}$');

-- The link between an account and a provider's subject, stored at the first sign-in: later
-- sign-ins find the account by it alone, whatever the e-mail or fiscal code say then.
CREATE TABLE oidc_identities (
  issuer text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identities_by_user ON oidc_identities (user_id);

-- A sign-in under way: what the callback checks (state, nonce, the PKCE verifier), found by the
-- hash of a random value kept in the browser's cookie, used once and valid for ten minutes.
CREATE TABLE oidc_flows (
  id_hash text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- Sign-ins record how the person signed in; the throttle counts failed passwords only.
ALTER TABLE sign_in_events ADD COLUMN method text NOT NULL DEFAULT 'password'
  CHECK (method IN ('password', 'oidc'));
