// A page of people matching a filter, in id order after a keyset cursor (the last id seen).
// Every filter is optional (null); the department filter includes its sub-departments.
// :param after => ''
// :param limit => 51
// :param department_id => null
// :param skill_id => null
// :param min_proficiency => 1
// :param location => null
// :param active => true
MATCH (p:Person)
WHERE p.id > $after
  AND ($active IS NULL OR p.active = $active)
  AND ($location IS NULL OR toLower(p.location) = toLower($location))
  AND ($department_id IS NULL
       OR EXISTS { (p)-[:MEMBER_OF]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
  AND ($skill_id IS NULL
       OR EXISTS { (p)-[r:HAS_SKILL]->(:Skill {id: $skill_id}) WHERE r.proficiency >= $min_proficiency })
RETURN p {.*} AS person
ORDER BY p.id
LIMIT $limit
