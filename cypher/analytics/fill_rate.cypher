// Fill rate and speed. Of the gigs published in [start, end) for the department and its
// sub-departments (all departments when department_id is null): how many were filled before `end`,
// and the median and 90th-percentile days from publication to filling. An entry for the total, one
// per gig type and one per (the gig's own) department (`dimension` says which), all in the list
// of one row (`rows`): thousands of rows cost the driver far more than one list of them.
// :param start => datetime('2026-01-01T00:00:00Z')
// :param end => datetime('2027-01-01T00:00:00Z')
// :param department_id => null
MATCH (d:Department)
WHERE $department_id IS NULL OR EXISTS { (d)-[:PART_OF*0..]->(:Department {id: $department_id}) }
MATCH (g:Gig)-[:FOR_DEPARTMENT]->(d)
WHERE g.published_at >= $start AND g.published_at < $end
WITH g, d,
     CASE WHEN g.filled_at IS NOT NULL AND g.filled_at < $end
          THEN duration.inSeconds(g.published_at, g.filled_at).seconds / 86400.0 END AS days
UNWIND [['total', null, null], ['type', g.type, g.type], ['department', d.id, d.name]] AS grouping
WITH grouping[0] AS dimension, grouping[1] AS key, grouping[2] AS label,
     count(*) AS published, count(days) AS filled,
     percentileCont(days, 0.5) AS median_days_to_fill,
     percentileCont(days, 0.9) AS p90_days_to_fill
ORDER BY dimension, key
RETURN collect({dimension: dimension, key: key, label: label, published: published,
                filled: filled, median_days_to_fill: median_days_to_fill,
                p90_days_to_fill: p90_days_to_fill}) AS rows
