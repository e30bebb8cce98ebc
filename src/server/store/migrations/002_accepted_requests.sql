-- Workflow-action requests rolecall has answered, by signature and by HubSpot's callback id, with the
-- answer: a replay (or HubSpot's retry after a lost response) gets the same answer without the work again.
CREATE TABLE accepted_requests (
  request_key TEXT PRIMARY KEY,
  received_at BIGINT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX accepted_requests_age ON accepted_requests (received_at);
