// Find gigs: words searched in titles and descriptions, filters (type, hours a week, duration,
// department, skill, remote or a place), sorting; open gigs whose deadline has not passed.
import { useEffect, useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { GigCard } from "../components/GigCard";
import { type PickedSkill, SkillTypeahead } from "../components/SkillTypeahead";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import type { GigOrder, GigType } from "../gql/graphql";
import { plural } from "../lib/format";
import { GIG_TYPES } from "../lib/labels";
import { useScreenReady } from "../lib/ready";

const FindGigsQuery = graphql(`
  query FindGigs($search: GigSearchInput!, $after: String) {
    searchGigs(search: $search, first: 24, after: $after) {
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
    departments(maxDepth: 0) {
      id
      name
    }
  }
`);

const ORDERS: [GigOrder, string][] = [
  ["RELEVANCE", "Best match for the words"],
  ["NEWEST", "Newest"],
  ["START_DATE", "Starting soonest"],
  ["DEADLINE", "Deadline soonest"],
  ["HOURS", "Fewest hours a week"],
];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => { setDebounced(value); }, ms);
    return () => { clearTimeout(timer); };
  }, [value, ms]);
  return debounced;
}

export default function FindGigs() {
  const [text, setText] = useState("");
  const [types, setTypes] = useState<GigType[]>([]);
  const [departmentId, setDepartmentId] = useState("");
  const [skill, setSkill] = useState<PickedSkill | null>(null);
  const [where, setWhere] = useState<"any" | "remote" | "place">("any");
  const [location, setLocation] = useState("");
  const [maxHours, setMaxHours] = useState("");
  const [maxWeeks, setMaxWeeks] = useState("");
  const [order, setOrder] = useState<GigOrder>("RELEVANCE");
  const [after, setAfter] = useState<string | null>(null);
  const words = useDebounced(text.trim(), 250);
  const place = useDebounced(location.trim(), 250);
  const search = {
    text: words || null,
    types: types.length ? types : null,
    departmentId: departmentId || null,
    skillId: skill?.id ?? null,
    remote: where === "remote" ? true : null,
    location: where === "place" && place ? place : null,
    maxHours: maxHours ? Number(maxHours) : null,
    maxWeeks: maxWeeks ? Number(maxWeeks) : null,
    order,
  };
  const [{ data, fetching, error }, refetch] = useQuery({ query: FindGigsQuery, variables: { search, after } });
  useScreenReady("find-gigs", data !== undefined);
  const departments = data?.departments ?? [];
  const reset = () => { setAfter(null); };

  return (
    <>
      <h1>Find gigs</h1>
      <form className="card" role="search" aria-label="Find gigs" onSubmit={(e) => { e.preventDefault(); }}>
        <label htmlFor="words">Search</label>
        <input id="words" type="search" value={text} size={40} placeholder="dashboard, churn, accessibility…" onChange={(e) => { setText(e.target.value); reset(); }} />
        <div className="row">
          <fieldset>
            <legend>Type</legend>
            {GIG_TYPES.map(([value, label]) => (
              <label key={value} className="row" style={{ fontWeight: 400, margin: 0 }}>
                <input
                  type="checkbox"
                  checked={types.includes(value)}
                  onChange={(e) => { setTypes(e.target.checked ? [...types, value] : types.filter((t) => t !== value)); reset(); }}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Where</legend>
            {([["any", "Anywhere"], ["remote", "Remote"], ["place", "In a place"]] as const).map(([value, label]) => (
              <label key={value} className="row" style={{ fontWeight: 400, margin: 0 }}>
                <input type="radio" name="where" checked={where === value} onChange={() => { setWhere(value); reset(); }} />
                {label}
              </label>
            ))}
            {where === "place" && (
              <>
                <label htmlFor="location">Place</label>
                <input id="location" value={location} onChange={(e) => { setLocation(e.target.value); reset(); }} />
              </>
            )}
          </fieldset>
          <div>
            <label htmlFor="max-hours">Hours a week, at most</label>
            <select id="max-hours" value={maxHours} onChange={(e) => { setMaxHours(e.target.value); reset(); }}>
              <option value="">any</option>
              {[2, 4, 8, 16].map((h) => <option key={h} value={h}>{h} h</option>)}
            </select>
            <label htmlFor="max-weeks">Duration, at most</label>
            <select id="max-weeks" value={maxWeeks} onChange={(e) => { setMaxWeeks(e.target.value); reset(); }}>
              <option value="">any</option>
              {[2, 4, 8, 12, 26].map((w) => <option key={w} value={w}>{plural(w, "week")}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="department">Department</label>
            <select id="department" value={departmentId} onChange={(e) => { setDepartmentId(e.target.value); reset(); }}>
              <option value="">Any department</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
            <SkillTypeahead label="Skill" onPick={(picked) => { setSkill(picked); reset(); }} />
            {skill && (
              <p>
                Needs <strong>{skill.label}</strong>{" "}
                <button type="button" className="link-button" onClick={() => { setSkill(null); reset(); }}>clear</button>
              </p>
            )}
          </div>
        </div>
        <label htmlFor="order">Sort by</label>
        <select id="order" value={order} onChange={(e) => { setOrder(e.target.value as GigOrder); reset(); }}>
          {ORDERS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </form>
      <QueryState what="gigs" fetching={!data && fetching} error={error} refetch={refetch} />
      {data && (
        <>
          <p role="status">{plural(data.searchGigs.totalCount, "open gig")}</p>
          {data.searchGigs.edges.length === 0 ? (
            <Empty><p>No open gig matches. Loosen a filter, or <Link href="/post">post the gig you would like to see</Link>.</p></Empty>
          ) : (
            <div className="grid">
              {data.searchGigs.edges.map((e) => <GigCard key={e.node.id} gig={e.node} />)}
            </div>
          )}
          {data.searchGigs.pageInfo.hasNextPage && (
            <p><button type="button" onClick={() => { setAfter(data.searchGigs.pageInfo.endCursor ?? null); }}>More gigs</button></p>
          )}
        </>
      )}
    </>
  );
}
