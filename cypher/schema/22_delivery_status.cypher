CREATE INDEX delivery_status IF NOT EXISTS FOR (d:Delivery) ON (d.status)
