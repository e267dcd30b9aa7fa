-- piano: initial schema. Every row belongs to an organization; plan parts are keyed by the
-- plan-local identifier that files and the API use, so references survive round trips.
-- Never edit this file after it has landed: add a new migration instead.

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  type text NOT NULL CHECK (type IN ('comune', 'unione_di_comuni', 'comunita_montana', 'provincia',
    'citta_metropolitana', 'regione', 'altro')),
  ipa_code text UNIQUE CHECK (ipa_code ~ '^[A-Za-z0-9_]{1,20}$'),
  istat_code text CHECK (istat_code ~ '^[0-9]{6}$'),
  province text,
  region text,
  population integer CHECK (population >= 0),
  pec text,
  website text,
  revision integer NOT NULL DEFAULT 1,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  kind text NOT NULL CHECK (kind IN ('settore', 'area', 'servizio', 'ufficio', 'uo', 'altro')),
  parent_key text,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, key),
  FOREIGN KEY (organization_id, parent_key) REFERENCES units (organization_id, key) ON UPDATE CASCADE,
  CHECK (parent_key IS DISTINCT FROM key)
);

CREATE TABLE role_holders (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  role text NOT NULL CHECK (role IN ('rtd', 'records_manager', 'preservation_manager', 'dpo',
    'system_administrator', 'other')),
  title text,
  person text,
  unit_key text,
  email text,
  appointment_act jsonb,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, key),
  FOREIGN KEY (organization_id, unit_key) REFERENCES units (organization_id, key) ON UPDATE CASCADE
);

CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  start_year integer NOT NULL CHECK (start_year BETWEEN 1990 AND 2100),
  end_year integer NOT NULL CHECK (end_year BETWEEN 1990 AND 2100),
  revision_label text,
  national_edition text,
  status text NOT NULL CHECK (status IN ('draft', 'proposed', 'approved', 'published', 'superseded')),
  approval jsonb,
  related_instruments jsonb NOT NULL DEFAULT '[]',
  revision integer NOT NULL DEFAULT 1,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id),
  CHECK (end_year >= start_year AND end_year - start_year <= 10)
);
CREATE INDEX plans_status ON plans (status);

-- Columns shared by every part of a plan: the owning organization, the plan, the local key.
CREATE TABLE priorities (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  code text,
  title text NOT NULL CHECK (length(title) >= 1),
  description text,
  state_of_the_art text,
  expected_benefits text,
  national_chapters integer[] NOT NULL DEFAULT '{}',
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE
);

CREATE TABLE baseline_items (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  priority_key text,
  label text NOT NULL CHECK (length(label) >= 1),
  value double precision,
  value_text text,
  unit text,
  reference_date date,
  source text,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, priority_key) REFERENCES priorities (plan_id, key) ON UPDATE CASCADE
);

CREATE TABLE actions (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  priority_key text NOT NULL,
  code text,
  title text NOT NULL CHECK (length(title) >= 1),
  description text,
  responsibles text[] NOT NULL DEFAULT '{}',
  owner_unit_keys text[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'suspended', 'cancelled')),
  timing jsonb,
  expected_results text[] NOT NULL DEFAULT '{}',
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  catalog_refs text[] NOT NULL DEFAULT '{}',
  pnrr_measures text[] NOT NULL DEFAULT '{}',
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, priority_key) REFERENCES priorities (plan_id, key) ON UPDATE CASCADE
);
CREATE INDEX actions_priority ON actions (plan_id, priority_key);

CREATE TABLE micro_actions (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  action_key text NOT NULL,
  title text NOT NULL CHECK (length(title) >= 1),
  description text,
  responsibles text[] NOT NULL DEFAULT '{}',
  owner_unit_keys text[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'suspended', 'cancelled')),
  timing jsonb,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, action_key) REFERENCES actions (plan_id, key) ON UPDATE CASCADE ON DELETE CASCADE
);

CREATE TABLE indicators (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  action_key text,
  priority_key text,
  code text,
  name text NOT NULL CHECK (length(name) >= 1),
  unit text,
  direction text NOT NULL CHECK (direction IN ('increase', 'decrease', 'maintain')),
  baseline jsonb,
  targets jsonb NOT NULL DEFAULT '[]',
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, action_key) REFERENCES actions (plan_id, key) ON UPDATE CASCADE,
  FOREIGN KEY (plan_id, priority_key) REFERENCES priorities (plan_id, key) ON UPDATE CASCADE
);

CREATE TABLE measurements (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  indicator_key text NOT NULL,
  date date NOT NULL,
  value double precision NOT NULL,
  note text,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, indicator_key) REFERENCES indicators (plan_id, key)
    ON UPDATE CASCADE ON DELETE CASCADE
);

CREATE TABLE spending_items (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  action_key text,
  classification text,
  description text NOT NULL CHECK (length(description) >= 1),
  funding_source text NOT NULL,
  pnrr_measure text,
  cup text CHECK (cup ~ '^[A-Z0-9]{15}$'),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  year integer CHECK (year BETWEEN 1990 AND 2100),
  status text NOT NULL CHECK (status IN ('planned', 'committed', 'paid')),
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, action_key) REFERENCES actions (plan_id, key) ON UPDATE CASCADE
);

CREATE TABLE platform_adoptions (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  platform text NOT NULL CHECK (length(platform) >= 1),
  status text NOT NULL CHECK (status IN ('adopted', 'in_progress', 'planned', 'not_adopted', 'not_applicable')),
  since date,
  due date,
  unit_key text,
  unit_text text,
  notes text,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, unit_key) REFERENCES units (organization_id, key) ON UPDATE CASCADE
);

CREATE TABLE sections (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  kind text NOT NULL CHECK (kind IN ('introduction', 'principles', 'instruments', 'methodology',
    'security', 'other')),
  title text NOT NULL CHECK (length(title) >= 1),
  body text NOT NULL,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE
);

CREATE TABLE normative_references (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  title text NOT NULL CHECK (length(title) >= 1),
  reference text,
  url text,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE
);

CREATE TABLE glossary_terms (
  organization_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  term text NOT NULL CHECK (length(term) >= 1),
  definition text NOT NULL,
  position integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_id, key),
  FOREIGN KEY (organization_id, plan_id) REFERENCES plans (organization_id, id) ON DELETE CASCADE
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
  name text NOT NULL,
  password_hash text NOT NULL,
  platform_role text CHECK (platform_role IN ('consultant')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (email)
);

CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  unit_key text,
  PRIMARY KEY (user_id, organization_id),
  FOREIGN KEY (organization_id, unit_key) REFERENCES units (organization_id, key) ON UPDATE CASCADE,
  CHECK (role <> 'editor' OR unit_key IS NOT NULL)
);

-- Sessions live in the database so that any server process behind a load balancer can serve
-- any request. Only a hash of the token is stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  plan_id uuid,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  operation text NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  field text,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_events_by_entity ON audit_events (organization_id, entity_type, entity_id, id);
CREATE INDEX audit_events_by_plan ON audit_events (plan_id, id);
