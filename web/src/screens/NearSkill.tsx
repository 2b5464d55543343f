// HR: who is near this skill. Pick a skill; people who hold it or a skill a few taxonomy steps
// away, each with the path of skills drawn, filtered by department and free capacity.
import { useState } from "react";
import { useQuery } from "urql";
import { type PickedSkill, SkillTypeahead } from "../components/SkillTypeahead";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import { hours, percent } from "../lib/format";
import { useScreenReady } from "../lib/ready";

const DepartmentsQuery = graphql(`
  query NearSkillDepartments {
    departments {
      id
      name
    }
  }
`);

const NearQuery = graphql(`
  query PeopleNearSkill($skill: ID!, $maxHops: Int!, $filter: NearSkillFilter) {
    peopleNearSkill(skill: $skill, maxHops: $maxHops, first: 30, filter: $filter) {
      score
      hops
      proficiency
      evidenced
      remainingHours
      person {
        id
        name
        title
        location
        department {
          name
        }
      }
      path {
        id
        label
      }
    }
  }
`);

function Path({ path }: { path: { id: string; label: string }[] }) {
  return (
    <ol className="path" aria-label="Path of skills">
      {path.map((skill, index) => (
        <li key={skill.id}>
          {index > 0 && <span aria-hidden="true"> → </span>}
          <span className={`tag ${index === path.length - 1 ? "tag-good" : ""}`}>{skill.label}</span>
        </li>
      ))}
    </ol>
  );
}

export default function NearSkill() {
  const [skill, setSkill] = useState<PickedSkill | null>(null);
  const [maxHops, setMaxHops] = useState(2);
  const [departmentId, setDepartmentId] = useState("");
  const [availableOnly, setAvailableOnly] = useState(false);
  const [departments] = useQuery({ query: DepartmentsQuery });
  const [{ data, fetching, error }, refetch] = useQuery({
    query: NearQuery,
    variables: { skill: skill?.id ?? "", maxHops, filter: { departmentId: departmentId || null, availableOnly } },
    pause: !skill,
  });
  useScreenReady("near-skill", departments.data !== undefined);
  const options = [...(departments.data?.departments ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <h1>Who is near this skill?</h1>
      <div className="card">
        <SkillTypeahead label="Skill" onPick={setSkill} />
        {skill && <p>People near <strong>{skill.label}</strong></p>}
        <div className="row">
          <div>
            <label htmlFor="hops">How far</label>
            <select id="hops" value={maxHops} onChange={(e) => { setMaxHops(Number(e.target.value)); }}>
              <option value={0}>holds it</option>
              <option value={1}>1 step away</option>
              <option value={2}>2 steps away</option>
              <option value={3}>3 steps away</option>
            </select>
          </div>
          <div>
            <label htmlFor="near-department">Department</label>
            <select id="near-department" value={departmentId} onChange={(e) => { setDepartmentId(e.target.value); }}>
              <option value="">Whole organisation</option>
              {options.map((d) => (
                <option key={d.id} value={d.id}>{d.name}</option>
              ))}
            </select>
          </div>
          <label className="row" style={{ fontWeight: 400 }}>
            <input type="checkbox" checked={availableOnly} onChange={(e) => { setAvailableOnly(e.target.checked); }} />
            Only people with gig time free
          </label>
        </div>
      </div>
      {!skill && <Empty><p>Pick a skill to see who has it or is close to it.</p></Empty>}
      <QueryState what="people" fetching={skill !== null && !data && fetching} error={error} refetch={refetch} />
      {skill && data && data.peopleNearSkill.length === 0 && <Empty><p>Nobody holds {skill.label} or anything near it here.</p></Empty>}
      {skill && data && data.peopleNearSkill.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">People near {skill.label}</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Path to the skill</th>
                <th scope="col">Level</th>
                <th scope="col">Free a week</th>
                <th scope="col">Closeness</th>
              </tr>
            </thead>
            <tbody>
              {data.peopleNearSkill.map((p) => (
                <tr key={p.person.id}>
                  <td>
                    <strong>{p.person.name}</strong>
                    <br />
                    <small className="meta">{p.person.title} · {p.person.department?.name ?? "—"}</small>
                  </td>
                  <td><Path path={p.path} /></td>
                  <td>{p.proficiency} {p.evidenced ? "(evidenced)" : "(claimed)"}</td>
                  <td>{hours(p.remainingHours)}</td>
                  <td>{percent(p.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
