// How many people match a filter (the same filter as people/people_page).
// :param department_id => null
// :param skill_id => null
// :param min_proficiency => 1
// :param location => null
// :param active => true
MATCH (p:Person)
WHERE ($active IS NULL OR p.active = $active)
  AND ($location IS NULL OR toLower(p.location) = toLower($location))
  AND ($department_id IS NULL
       OR EXISTS { (p)-[:MEMBER_OF]->(:Department)-[:PART_OF*0..]->(:Department {id: $department_id}) })
  AND ($skill_id IS NULL
       OR EXISTS { (p)-[r:HAS_SKILL]->(:Skill {id: $skill_id}) WHERE r.proficiency >= $min_proficiency })
RETURN count(p) AS total
