-- piano: the plan's year. Approved and published revisions are frozen by the database itself;
-- revisions of one plan form a series; actions, indicators and spending items keep a lineage id
-- across revisions; the signed approval act is stored with its SHA-256.

-- Revisions of the same plan share a series; a new revision names the one it was copied from.
ALTER TABLE plans ADD COLUMN series_id text CHECK (length(series_id) BETWEEN 1 AND 100);
ALTER TABLE plans ADD COLUMN previous_plan_id uuid REFERENCES plans (id) ON DELETE SET NULL;
-- How the revision was started: from which plan, how the period moved, which completed actions
-- were carried or left out.
ALTER TABLE plans ADD COLUMN revision_note jsonb;
UPDATE plans SET series_id = id::text;
ALTER TABLE plans ALTER COLUMN series_id SET NOT NULL;
CREATE INDEX plans_series ON plans (organization_id, series_id);

-- A stable identity across revisions, given on insert when the writer has none.
ALTER TABLE actions ADD COLUMN lineage_id text CHECK (length(lineage_id) BETWEEN 1 AND 100);
ALTER TABLE indicators ADD COLUMN lineage_id text CHECK (length(lineage_id) BETWEEN 1 AND 100);
ALTER TABLE spending_items ADD COLUMN lineage_id text CHECK (length(lineage_id) BETWEEN 1 AND 100);
UPDATE actions SET lineage_id = gen_random_uuid()::text;
UPDATE indicators SET lineage_id = gen_random_uuid()::text;
UPDATE spending_items SET lineage_id = gen_random_uuid()::text;
ALTER TABLE actions ALTER COLUMN lineage_id SET NOT NULL;
ALTER TABLE indicators ALTER COLUMN lineage_id SET NOT NULL;
ALTER TABLE spending_items ALTER COLUMN lineage_id SET NOT NULL;

CREATE FUNCTION piano_fill_lineage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.lineage_id := COALESCE(NEW.lineage_id, gen_random_uuid()::text);
  RETURN NEW;
END $$;
CREATE TRIGGER actions_lineage BEFORE INSERT ON actions
  FOR EACH ROW EXECUTE FUNCTION piano_fill_lineage();
CREATE TRIGGER indicators_lineage BEFORE INSERT ON indicators
  FOR EACH ROW EXECUTE FUNCTION piano_fill_lineage();
CREATE TRIGGER spending_items_lineage BEFORE INSERT ON spending_items
  FOR EACH ROW EXECUTE FUNCTION piano_fill_lineage();

CREATE FUNCTION piano_fill_series() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.series_id := COALESCE(NEW.series_id, NEW.id::text);
  RETURN NEW;
END $$;
CREATE TRIGGER plans_series BEFORE INSERT ON plans
  FOR EACH ROW EXECUTE FUNCTION piano_fill_series();

-- The signed deliberation (PDF or P7M) that approved a revision, one per plan.
CREATE TABLE plan_approval_files (
  plan_id uuid PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'application/pkcs7-mime')),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size integer NOT NULL CHECK (size > 0),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Frozen statuses: an approved act, the published plan, and the revisions it replaced.
CREATE FUNCTION piano_is_frozen(status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT status IN ('approved', 'published', 'superseded')
$$;

-- A frozen plan keeps its fields: only its status may move on (never back to draft or
-- proposed), and the counters that caches read. It cannot be deleted.
CREATE FUNCTION piano_guard_frozen_plan() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  free text[] := ARRAY['status', 'revision', 'version', 'updated_at', 'previous_plan_id'];
BEGIN
  IF NOT piano_is_frozen(OLD.status) THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'piano_frozen: plan % is %', OLD.id, OLD.status USING ERRCODE = 'PN409';
  END IF;
  IF NOT piano_is_frozen(NEW.status)
     OR (to_jsonb(NEW) - free) IS DISTINCT FROM (to_jsonb(OLD) - free) THEN
    RAISE EXCEPTION 'piano_frozen: plan % is %', OLD.id, OLD.status USING ERRCODE = 'PN409';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plans_frozen BEFORE UPDATE OR DELETE ON plans
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_plan();

-- A part of a frozen plan cannot be added, removed or changed, except the columns named as the
-- trigger's arguments: the monitoring (status, progress) that goes on after publication.
-- A part whose plan is gone (a cascading delete of a draft) passes.
CREATE FUNCTION piano_guard_frozen_part() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  free text[] := array_append(TG_ARGV::text[], 'version');
  frozen boolean;
BEGIN
  SELECT bool_or(piano_is_frozen(p.status)) INTO frozen FROM plans p
   WHERE p.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.plan_id ELSE NEW.plan_id END
      OR (TG_OP = 'UPDATE' AND p.id = OLD.plan_id);
  IF NOT COALESCE(frozen, false) THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - free) = (to_jsonb(OLD) - free) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'piano_frozen: % of a frozen plan', TG_TABLE_NAME USING ERRCODE = 'PN409';
END $$;

CREATE TRIGGER priorities_frozen BEFORE INSERT OR UPDATE OR DELETE ON priorities
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part();
CREATE TRIGGER baseline_items_frozen BEFORE INSERT OR UPDATE OR DELETE ON baseline_items
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part();
CREATE TRIGGER actions_frozen BEFORE INSERT OR UPDATE OR DELETE ON actions
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part('status', 'progress');
CREATE TRIGGER micro_actions_frozen BEFORE INSERT OR UPDATE OR DELETE ON micro_actions
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part('status');
CREATE TRIGGER indicators_frozen BEFORE INSERT OR UPDATE OR DELETE ON indicators
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part();
CREATE TRIGGER spending_items_frozen BEFORE INSERT OR UPDATE OR DELETE ON spending_items
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part('status');
CREATE TRIGGER platform_adoptions_frozen BEFORE INSERT OR UPDATE OR DELETE ON platform_adoptions
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part('status', 'since');
CREATE TRIGGER sections_frozen BEFORE INSERT OR UPDATE OR DELETE ON sections
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part();
CREATE TRIGGER normative_references_frozen BEFORE INSERT OR UPDATE OR DELETE ON normative_references
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part();
CREATE TRIGGER glossary_terms_frozen BEFORE INSERT OR UPDATE OR DELETE ON glossary_terms
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_part();
-- Measurements are monitoring: they stay free on a published plan, and are audited as ever.

-- The signed act of a frozen plan stays as it was approved.
CREATE FUNCTION piano_guard_frozen_file() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  frozen boolean;
BEGIN
  SELECT piano_is_frozen(p.status) INTO frozen FROM plans p
   WHERE p.id = CASE WHEN TG_OP = 'INSERT' THEN NEW.plan_id ELSE OLD.plan_id END;
  IF COALESCE(frozen, false) THEN
    RAISE EXCEPTION 'piano_frozen: approval file of a frozen plan' USING ERRCODE = 'PN409';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER plan_approval_files_frozen BEFORE INSERT OR UPDATE OR DELETE ON plan_approval_files
  FOR EACH ROW EXECUTE FUNCTION piano_guard_frozen_file();
