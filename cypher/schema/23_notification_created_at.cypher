CREATE INDEX notification_created_at IF NOT EXISTS FOR (n:Notification) ON (n.created_at)
