-- rolecall serve: portals, webhook queue, rate budget, runs and audit, playbooks.
-- Written in the SQL PostgreSQL and SQLite share: BIGINT epoch milliseconds, TEXT, no engine-only types.

CREATE TABLE portals (
  portal_id BIGINT PRIMARY KEY,
  -- oauth: installed through /oauth/install; static: the private-app token from the environment.
  auth TEXT NOT NULL,
  -- connected | disconnected (refresh refused, app uninstalled)
  status TEXT NOT NULL,
  status_reason TEXT,
  -- AES-256-GCM with ROLECALL_TOKEN_KEY: "v1.<iv>.<tag>.<ciphertext>" in base64url; never plain text.
  access_token TEXT,
  refresh_token TEXT,
  expires_at BIGINT,
  scopes TEXT NOT NULL DEFAULT '',
  hub_domain TEXT,
  installed_by TEXT,
  installed_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  -- Fair scheduling: the worker serves the portal that waited longest.
  last_served_at BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE seen_events (
  portal_id BIGINT NOT NULL,
  event_id TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (portal_id, event_id)
);
CREATE INDEX seen_events_age ON seen_events (received_at);

CREATE TABLE jobs (
  portal_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  object_id TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  available_at BIGINT NOT NULL,
  lease_until BIGINT,
  lease_owner TEXT,
  requeue INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (portal_id, kind, object_id)
);
CREATE INDEX jobs_ready ON jobs (state, portal_id, available_at);

-- Every HubSpot request a portal's work sends, shared by all instances: a rolling 10-second window.
CREATE TABLE rate_grants (
  portal_id BIGINT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX rate_grants_window ON rate_grants (portal_id, at);

CREATE TABLE runs (
  run_id TEXT PRIMARY KEY,
  portal_id BIGINT NOT NULL,
  -- webhook | workflow_action | card | bulk_action
  source TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  finished_at BIGINT,
  contacts INTEGER NOT NULL DEFAULT 0,
  written INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  user_id TEXT
);
CREATE INDEX runs_portal ON runs (portal_id, started_at);

CREATE TABLE audit (
  run_id TEXT NOT NULL,
  portal_id BIGINT NOT NULL,
  contact_id TEXT NOT NULL,
  property TEXT NOT NULL,
  before_value TEXT,
  after_value TEXT,
  at BIGINT NOT NULL
);
CREATE INDEX audit_portal_contact ON audit (portal_id, contact_id, at);
CREATE INDEX audit_run ON audit (run_id);

CREATE TABLE playbooks (
  portal_id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  -- yaml | json: the text exactly as the person saved it.
  format TEXT NOT NULL,
  body TEXT NOT NULL,
  saved_by TEXT,
  saved_at BIGINT NOT NULL,
  PRIMARY KEY (portal_id, version)
);
