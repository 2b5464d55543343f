// Survey definitions with their questions in order (retired questions left out unless asked for);
// all surveys, or those whose ids are given.
// :param ids => null
// :param include_retired => false
MATCH (s:Survey)
WHERE $ids IS NULL OR s.id IN $ids
RETURN s {.*,
          questions: COLLECT {
            MATCH (s)-[:ASKS]->(q:Question)
            WHERE $include_retired OR q.active
            RETURN q {.*} ORDER BY q.position, q.id
          }} AS survey
ORDER BY s.id
