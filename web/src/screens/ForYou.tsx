// For you (home): gigs recommended to the viewer with why in plain words, growth gigs marked,
// a nudge to complete the profile, and the viewer's open applications and invitations.
import { useQuery } from "urql";
import { Link } from "wouter";
import { GigCard } from "../components/GigCard";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import { completeness } from "../lib/completeness";
import { whyForYou } from "../lib/explain";
import { humanise, percent, relative } from "../lib/format";
import { useScreenReady } from "../lib/ready";
import { useViewer } from "../viewer";

const ForYouQuery = graphql(`
  query ForYou($personId: ID!) {
    recommendGigs(personId: $personId, first: 12) {
      score
      growth
      growthSkills {
        id
        label
      }
      reasons {
        how
        met
        skill {
          label
        }
        via {
          label
        }
      }
      gig {
        id
        ...GigCardFields
      }
    }
    myApplications {
      id
      state
      origin
      updatedAt
      gig {
        id
        title
      }
    }
    person(id: $personId) {
      id
      title
      location
      gigCapacityPct
      skills {
        validated
      }
      aspirations {
        interest
      }
    }
  }
`);

const LIVE = new Set(["INVITED", "SUBMITTED", "SHORTLISTED", "OFFERED"]);

export function ForYou() {
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ForYouQuery,
    variables: { personId: viewer.id },
  });
  useScreenReady("home", data !== undefined);
  const firstName = viewer.name.split(" ")[0] ?? viewer.name;

  if (!data) return <QueryState title="For you" what="your recommendations" fetching={fetching} error={error} refetch={refetch} />;

  const person = data.person;
  const profile = person
    ? completeness({
        title: person.title,
        location: person.location,
        skills: person.skills.length,
        validatedSkills: person.skills.filter((s) => s.validated).length,
        aspirations: person.aspirations.length,
        gigCapacityPct: person.gigCapacityPct,
      })
    : null;
  const live = data.myApplications.filter((a) => LIVE.has(a.state));

  return (
    <>
      <h1>Hello {firstName}, here are gigs for you</h1>
      {profile && profile.share < 1 && (
        <aside className="card nudge" aria-labelledby="nudge-title">
          <h2 id="nudge-title">Your profile is {percent(profile.share)} complete</h2>
          <progress value={profile.share} max={1} aria-label="Profile completeness" />
          <p>Better matches come from a fuller profile. Next: {profile.next[0]}.</p>
          <Link href="/profile">Complete my profile</Link>
        </aside>
      )}
      <div className="columns">
        <section aria-labelledby="recommended" className="main-column">
          <h2 id="recommended">Recommended gigs</h2>
          {data.recommendGigs.length === 0 ? (
            <Empty>
              <p>No open gig fits your skills and free hours right now.</p>
              <p>
                Add skills and aspirations to <Link href="/profile">your profile</Link>, or{" "}
                <Link href="/gigs">browse every gig</Link>.
              </p>
            </Empty>
          ) : (
            <div className="grid">
              {data.recommendGigs.map((rec) => (
                <GigCard key={rec.gig.id} gig={rec.gig} badge={rec.growth ? "Growth gig" : undefined}>
                  <p className="why">
                    {whyForYou(
                      rec.reasons.map((r) => ({
                        skill: r.skill.label,
                        how: r.how,
                        via: r.via?.label,
                        met: r.met,
                      })),
                      rec.growthSkills.map((s) => s.label),
                    )}
                  </p>
                  <p className="score">{percent(rec.score / 100)} match</p>
                </GigCard>
              ))}
            </div>
          )}
        </section>
        <section aria-labelledby="open-applications" className="side-column">
          <h2 id="open-applications">Your open applications and invitations</h2>
          {live.length === 0 ? (
            <Empty>
              <p>Nothing open. Apply to a gig and follow it here.</p>
            </Empty>
          ) : (
            <ul className="plain list">
              {live.map((application) => (
                <li key={application.id}>
                  <Link href={`/gigs/${application.gig.id}`}>{application.gig.title}</Link>
                  <span className={`state-tag state-${application.state.toLowerCase()}`}>
                    {application.origin === "INVITATION" && application.state === "INVITED"
                      ? "Invited"
                      : humanise(application.state)}
                  </span>
                  <small>{relative(application.updatedAt)}</small>
                </li>
              ))}
            </ul>
          )}
          <Link href="/applications">All my applications</Link>
        </section>
      </div>
    </>
  );
}
