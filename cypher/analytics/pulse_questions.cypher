// The questions of the surveys measuring `measures`, retired ones included (their answers stay
// counted): what a pulse result's per-question figures are labelled with.
// :param measures => 'engagement'
MATCH (:Survey {measures: $measures})-[:ASKS]->(q:Question)
RETURN collect(q {.id, .kind, .text}) AS questions
