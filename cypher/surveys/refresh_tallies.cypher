// The tallies of survey groups, computed again from their per-question counters: for each
// question answered in the group (SurveyScore.counts[v], how often value v was given), how many
// answers, their sum, how many promoters (9-10) and detractors (0-6), as lists in the order of
// `question_ids`. The analytics read these instead of every counter (analytics/pulse_tallies).
// Runs in the transaction that records an answer, after the seed writes a history, and from
// `talentgraph surveys rebuild-tallies`; the result depends only on the counters, so running it
// again changes nothing.
// :param rows => [{key: 'growth-pulse/2026-Q4/ENG'}]
UNWIND $rows AS row
MATCH (g:SurveyGroup {key: row.key})
CALL (g) {
  MATCH (:Survey {id: g.survey_id})-[:ASKS]->(q:Question)
  MATCH (score:SurveyScore {key: g.key + '/' + q.id})
  WITH q.id AS question_id, score.counts AS counts
  ORDER BY question_id
  RETURN collect(question_id) AS question_ids,
         collect(reduce(n = 0, c IN counts | n + c)) AS answers,
         collect(reduce(n = 0, v IN range(0, size(counts) - 1) | n + v * counts[v])) AS sums,
         collect(reduce(n = 0, c IN counts[9..] | n + c)) AS promoters,
         collect(reduce(n = 0, c IN counts[..7] | n + c)) AS detractors
}
SET g.question_ids = question_ids, g.answers = answers, g.sums = sums, g.promoters = promoters,
    g.detractors = detractors
RETURN count(g) AS groups
