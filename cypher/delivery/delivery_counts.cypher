// How many deliveries are in each status, for the worker's report and the benchmark.
MATCH (d:Delivery)
RETURN d.status AS status, count(*) AS deliveries
ORDER BY status
