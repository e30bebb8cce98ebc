-- Deal buying groups from webhooks: which contact→deal labels rolecall itself added (only those may it ever
-- remove; every other label is a person's), and every deal write for the audit trail.

CREATE TABLE deal_labels (
  portal_id BIGINT NOT NULL,
  deal_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  -- The contact→deal association type id of the label.
  type_id INTEGER NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (portal_id, deal_id, contact_id, type_id)
);

CREATE TABLE deal_audit (
  run_id TEXT NOT NULL,
  portal_id BIGINT NOT NULL,
  deal_id TEXT NOT NULL,
  -- label_add | label_remove | property
  kind TEXT NOT NULL,
  contact_id TEXT,
  type_id INTEGER,
  property TEXT,
  before_value TEXT,
  after_value TEXT,
  at BIGINT NOT NULL
);
CREATE INDEX deal_audit_portal_deal ON deal_audit (portal_id, deal_id, at);
CREATE INDEX deal_audit_run ON deal_audit (run_id);
