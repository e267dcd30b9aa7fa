-- The import wizard's drafts: what the importer read from an uploaded plan, as the person
-- reviewing it has corrected it so far, kept between the wizard's pages until it is saved as a
-- plan or expires. Each belongs to one organization and to the user who uploaded it; nobody
-- else reads it. Backups include it like every table (a day's review is work worth keeping).
CREATE TABLE import_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  file_name text,
  draft jsonb NOT NULL
);
CREATE INDEX import_drafts_by_owner ON import_drafts (organization_id, user_id);
CREATE INDEX import_drafts_by_expiry ON import_drafts (expires_at);
