-- Every sign-in attempt, kept as the audit trail of sign-ins and as the memory of the throttle:
-- failures counted per account (the e-mail as typed, lower-cased) and per client address, in the
-- database so that every server process behind a load balancer counts the same attempts.
CREATE TABLE sign_in_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  email text NOT NULL,
  address text NOT NULL,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'throttled'))
);
CREATE INDEX sign_in_events_by_email ON sign_in_events (email, at);
CREATE INDEX sign_in_events_by_address ON sign_in_events (address, at);
