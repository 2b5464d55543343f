// A page of people matching a filter, in id order after a keyset cursor (the last id seen), with
// what the screen shows of each in the same round trip: the parts switched on by $with_* come
// back nested in each person's map (department, manager, skills strongest first, aspirations with the
// manager's id, which decides who sees the private ones); a part switched off is null.
// Every filter is optional (null); the department filter includes its sub-departments. One row,
// the page as a list (`page`): far cheaper for the driver to decode than a row per person; and,
// when $with_total, how many people match over all pages (`total`, else null): the connection's
// totalCount in the same round trip.
// :param after => ''
// :param limit => 51
// :param department_id => null
// :param skill_id => null
// :param min_proficiency => 1
// :param location => null
// :param active => true
// :param with_department => true
// :param with_manager => true
// :param with_skills => true
// :param with_aspirations => true
// :param with_total => true
CALL () {
  MATCH (p:Person)
  WHERE p.id > $after
    AND ($active IS NULL OR p.active = $active)
    AND ($location IS NULL OR toLower(p.location) = toLower($location))
    AND ($department_id IS NULL
         OR EXISTS { (p)-[:MEMBER_OF]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
    AND ($skill_id IS NULL
         OR EXISTS { (p)-[r:HAS_SKILL]->(:Skill {id: $skill_id}) WHERE r.proficiency >= $min_proficiency })
  WITH p
  ORDER BY p.id
  LIMIT $limit
  RETURN collect(p {.*,
            department: CASE WHEN $with_department
                          THEN [(p)-[:MEMBER_OF]->(d:Department) | d {.*}][0] END,
            manager: CASE WHEN $with_manager OR $with_aspirations
                       THEN [(p)-[:REPORTS_TO]->(m:Person) | m {.*}][0] END,
            skills: CASE WHEN $with_skills THEN COLLECT {
                      MATCH (p)-[r:HAS_SKILL]->(s:Skill)
                      RETURN {skill: s {.id, .label, .type, .custom, .deprecated},
                              proficiency: r.proficiency, validated: r.validated, source: r.source,
                              confirmed_at: r.confirmed_at.epochMillis}
                      ORDER BY r.proficiency DESC, s.label
                    } END,
            aspirations: CASE WHEN $with_aspirations THEN COLLECT {
                           MATCH (p)-[a:ASPIRES_TO]->(s:Skill)
                           RETURN {skill: s {.id, .label, .type, .custom, .deprecated},
                                   interest: a.interest, visibility: a.visibility}
                           ORDER BY a.interest DESC, s.label
                         } END}) AS page
}
CALL () {
  WITH $with_total AS wanted WHERE wanted
  MATCH (p:Person)
  WHERE ($active IS NULL OR p.active = $active)
    AND ($location IS NULL OR toLower(p.location) = toLower($location))
    AND ($department_id IS NULL
         OR EXISTS { (p)-[:MEMBER_OF]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
    AND ($skill_id IS NULL
         OR EXISTS { (p)-[r:HAS_SKILL]->(:Skill {id: $skill_id}) WHERE r.proficiency >= $min_proficiency })
  RETURN count(p) AS total
}
RETURN page, CASE WHEN $with_total THEN total END AS total
