-- The address of the ente's own accessibility statement, linked from the footer of its portal
-- pages (Legge 4/2004: every public body publishes one).
ALTER TABLE organizations ADD COLUMN accessibility_url text
  CHECK (accessibility_url IS NULL OR length(accessibility_url) <= 500);
