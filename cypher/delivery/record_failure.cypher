// A failed attempt: kept with its error; due again at $retry_at, or failed for good once
// attempts reach $max_attempts or the error is permanent (the server refused the address); a
// digest that fails for good takes what it carried with it.
// :param key => 'n1:email'
// :param now => datetime('2026-11-01T09:00:00Z')
// :param error => '451 try again later'
// :param permanent => false
// :param retry_at => datetime('2026-11-01T09:00:30Z')
// :param max_attempts => 5
MATCH (d:Delivery {key: $key})
WITH d, $permanent OR d.attempts >= $max_attempts AS gives_up
SET d.errors = d.errors + [toString($now) + ' attempt ' + toString(d.attempts) + ': ' + $error],
    d.last_error = $error,
    d.status = CASE WHEN gives_up THEN 'failed' ELSE 'pending' END,
    d.due_at = CASE WHEN gives_up THEN null ELSE $retry_at END,
    d.failed_at = CASE WHEN gives_up THEN $now ELSE null END,
    d.failed_reason = CASE WHEN gives_up THEN
      CASE WHEN $permanent THEN 'refused: ' ELSE 'gave up after ' + toString(d.attempts)
        + ' attempts: ' END + $error END
WITH d, gives_up
OPTIONAL MATCH (d)-[:INCLUDES]->(item:Delivery)
FOREACH (_ IN CASE WHEN gives_up AND item IS NOT NULL THEN [1] ELSE [] END |
  SET item.status = 'failed', item.failed_at = $now, item.failed_reason = d.failed_reason)
RETURN DISTINCT d.status AS status
