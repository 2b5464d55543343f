// A colleague's profile: their skills (evidenced or claimed), completed gigs and the endorsements
// they received; someone who completed a gig with them endorses a skill they saw there.
import { useState } from "react";
import { useQuery } from "urql";
import { Link, useParams } from "wouter";
import { EndorseForm } from "../components/EndorseForm";
import { Endorsements } from "../components/Endorsements";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import { relative } from "../lib/format";
import { useScreenReady } from "../lib/ready";
import { useViewer } from "../viewer";

const ColleagueQuery = graphql(`
  query Colleague($personId: ID!) {
    person(id: $personId) {
      id
      name
      title
      department {
        name
      }
      skills {
        proficiency
        validated
        skill {
          id
          label
        }
      }
    }
    gigProfile(personId: $personId) {
      completedGigs {
        id
        completedAt
        gig {
          id
          title
        }
      }
      endorsements {
        ...EndorsementFields
      }
      colleagues {
        person {
          id
        }
        gigs {
          id
          title
        }
      }
    }
  }
`);

export default function Colleague() {
  const { id } = useParams<{ id: string }>();
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ColleagueQuery, variables: { personId: id } });
  const [done, setDone] = useState<string | null>(null);
  useScreenReady("colleague", data !== undefined);

  if (!data || error) return <QueryState what="the profile" fetching={!data && fetching} error={error} refetch={refetch} />;
  const person = data.person;
  const profile = data.gigProfile;
  if (!person || !profile) {
    return (
      <>
        <h1>Nobody here</h1>
        <p>There is no such person. <Link href="/">Back to your gigs</Link></p>
      </>
    );
  }
  const shared = profile.colleagues.find((c) => c.person.id === viewer.id)?.gigs ?? [];
  return (
    <>
      <h1>{person.name}</h1>
      <p className="meta">{person.title || "no title"} · {person.department?.name ?? "no department"}</p>
      {person.id === viewer.id && <p>This is you: <Link href="/profile">edit your profile</Link>.</p>}
      <div aria-live="polite">{done && <p className="success" role="status">{done}</p>}</div>
      <div className="columns">
        <div className="main-column">
          <section aria-labelledby="their-skills">
            <h2 id="their-skills">Skills</h2>
            {person.skills.length === 0 ? (
              <Empty><p>{person.name} has not named any skill yet.</p></Empty>
            ) : (
              <ul className="plain list" aria-label={`Skills of ${person.name}`}>
                {person.skills.map((s) => (
                  <li key={s.skill.id}>
                    <strong>{s.skill.label}</strong>
                    <span>level {s.proficiency}</span>
                    <span className={`tag ${s.validated ? "tag-good" : ""}`}>{s.validated ? "Evidenced" : "Claimed"}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <Endorsements
            id="their-endorsements"
            endorsements={profile.endorsements}
            label={`Endorsements of ${person.name}`}
            empty={`Nobody has endorsed ${person.name} yet.`}
          />
        </div>
        <div className="side-column">
          {person.id !== viewer.id && (shared.length > 0 ? (
            <EndorseForm
              person={person}
              gigs={shared}
              skills={person.skills.map((s) => s.skill)}
              onEndorsed={(message) => {
                setDone(message);
                refetch({ requestPolicy: "network-only" });
              }}
            />
          ) : (
            <p className="card hint">You can endorse {person.name} once you have completed a gig together.</p>
          ))}
          <section aria-labelledby="their-gigs">
            <h2 id="their-gigs">Completed gigs</h2>
            {profile.completedGigs.length === 0 ? (
              <Empty><p>None yet.</p></Empty>
            ) : (
              <ul className="plain list">
                {profile.completedGigs.map((e) => (
                  <li key={e.id}>
                    <Link href={`/gigs/${e.gig.id}`}>{e.gig.title}</Link>
                    <small>{relative(e.completedAt)}</small>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
