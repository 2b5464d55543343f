CREATE INDEX delivery_due_at IF NOT EXISTS FOR (d:Delivery) ON (d.due_at)
