// Removes the notifications written at one moment, with their deliveries: how the delivery
// benchmark undoes what it added to the benchmarks' graph.
// :param created_at => datetime('2026-11-01T09:00:00Z')
MATCH (n:Notification {created_at: $created_at})
OPTIONAL MATCH (d:Delivery)-[:OF]->(n)
WITH n, collect(d) AS deliveries
CALL (n, deliveries) {
  FOREACH (d IN deliveries | DETACH DELETE d)
  DETACH DELETE n
} IN TRANSACTIONS OF 2000 ROWS
