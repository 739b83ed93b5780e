-- Which notifications went out: ids and kinds only, no address and no group.
-- IF NOT EXISTS: sent logs made before migrations (by a schema script) hold the table already.
CREATE TABLE IF NOT EXISTS sent_notification (
  notification_id VARCHAR(200) PRIMARY KEY,
  kind VARCHAR(40) NOT NULL,
  sent_at TIMESTAMP WITH TIME ZONE NOT NULL
);
