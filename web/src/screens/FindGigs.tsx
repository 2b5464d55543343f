// Find gigs: filters (type, department, skill) and the open gigs that match.
import { useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { GigCard } from "../components/GigCard";
import { type PickedSkill, SkillTypeahead } from "../components/SkillTypeahead";
import { Empty, ErrorState, Loading } from "../components/States";
import { graphql } from "../gql";
import type { GigType } from "../gql/graphql";
import { useScreenReady } from "../lib/ready";

const FindGigsQuery = graphql(`
  query FindGigs($filter: GigsFilter, $after: String) {
    gigs(filter: $filter, first: 24, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...GigCardFields
        }
      }
    }
    departments {
      id
      name
    }
  }
`);

const TYPES: [GigType | "", string][] = [
  ["", "Any type"],
  ["PROJECT", "Project"],
  ["MICRO_TASK", "Micro task"],
  ["SECONDMENT", "Secondment"],
  ["MENTORSHIP", "Mentorship"],
];

export default function FindGigs() {
  const [type, setType] = useState<GigType | "">("");
  const [departmentId, setDepartmentId] = useState("");
  const [skill, setSkill] = useState<PickedSkill | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const filter = { statuses: ["OPEN" as const], type: type || null, departmentId: departmentId || null, skillId: skill?.id ?? null };
  const [{ data, fetching, error }, refetch] = useQuery({ query: FindGigsQuery, variables: { filter, after } });
  useScreenReady("find-gigs", data !== undefined);
  const departments = [...(data?.departments ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <h1>Find gigs</h1>
      <form className="card" onSubmit={(e) => { e.preventDefault(); }} aria-label="Filters">
        <div className="row">
          <div>
            <label htmlFor="type">Type</label>
            <select id="type" value={type} onChange={(e) => { setType(e.target.value as GigType | ""); setAfter(null); }}>
              {TYPES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="department">Department</label>
            <select id="department" value={departmentId} onChange={(e) => { setDepartmentId(e.target.value); setAfter(null); }}>
              <option value="">Any department</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </div>
          <div>
            <SkillTypeahead label="Skill" onPick={(picked) => { setSkill(picked); setAfter(null); }} />
          </div>
        </div>
        {skill && (
          <p>
            Needs <strong>{skill.label}</strong>{" "}
            <button type="button" className="link-button" onClick={() => { setSkill(null); }}>clear</button>
          </p>
        )}
      </form>
      {!data && fetching && <Loading what="gigs" />}
      {error && <ErrorState error={error} retry={() => { refetch({ requestPolicy: "network-only" }); }} />}
      {data && (
        <>
          <p role="status">{data.gigs.totalCount} open gigs</p>
          {data.gigs.edges.length === 0 ? (
            <Empty><p>No open gig matches. Loosen a filter, or <Link href="/post">post the gig you would like to see</Link>.</p></Empty>
          ) : (
            <div className="grid">
              {data.gigs.edges.map((e) => <GigCard key={e.node.id} gig={e.node} />)}
            </div>
          )}
          {data.gigs.pageInfo.hasNextPage && (
            <p><button type="button" onClick={() => { setAfter(data.gigs.pageInfo.endCursor ?? null); }}>Next page</button></p>
          )}
        </>
      )}
    </>
  );
}
