// Success stories: the wall that celebrates completed gigs where someone helped another
// department, with the hours, what buying it in would have cost, and the skills grown.
import { useQuery } from "urql";
import { Empty, ErrorState, Loading } from "../components/States";
import { graphql } from "../gql";
import { hours, money, relative } from "../lib/format";
import { useScreenReady } from "../lib/ready";

const StoriesQuery = graphql(`
  query Stories {
    successStories(first: 24) {
      helperDepartment
      gigDepartment
      hoursWorked
      estimatedSavings
      skillsGrown {
        level
        previousLevel
        skill {
          id
          label
        }
      }
      engagement {
        id
        completedAt
        rating
        feedback
        person {
          name
        }
        gig {
          id
          title
          owner {
            name
          }
        }
      }
    }
  }
`);

export default function Stories() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: StoriesQuery });
  useScreenReady("stories", data !== undefined);
  const stories = data?.successStories ?? [];
  const saved = stories.reduce((sum, s) => sum + s.estimatedSavings, 0);
  return (
    <>
      <h1>Success stories</h1>
      {data && stories.length > 0 && (
        <p className="lead">
          These {stories.length} gigs saved <strong>{money(saved)}</strong> the organisation would have paid outside.
        </p>
      )}
      {!data && fetching && <Loading what="the stories" />}
      {error && <ErrorState error={error} retry={() => { refetch({ requestPolicy: "network-only" }); }} />}
      {data && stories.length === 0 && <Empty><p>The first completed cross-department gig will be celebrated here.</p></Empty>}
      <div className="grid">
        {stories.map((s) => (
          <article key={s.engagement.id} className="card" aria-labelledby={`story-${s.engagement.id}`}>
            <h2 id={`story-${s.engagement.id}`} style={{ marginTop: 0 }}>🎉 {s.engagement.gig.title}</h2>
            <p>
              <strong>{s.engagement.person.name}</strong> from {s.helperDepartment} helped {s.gigDepartment}
              {s.engagement.gig.owner && <> ({s.engagement.gig.owner.name})</>}.
            </p>
            <p className="meta">
              {hours(s.hoursWorked)} · saved {money(s.estimatedSavings)} · {relative(s.engagement.completedAt)}
              {s.engagement.rating ? ` · rated ${s.engagement.rating}/5` : ""}
            </p>
            {s.engagement.feedback && <blockquote>“{s.engagement.feedback}”</blockquote>}
            {s.skillsGrown.length > 0 && (
              <p className="chips">
                {s.skillsGrown.map((g) => (
                  <span key={g.skill.id} className="tag tag-growth">
                    {g.skill.label} {g.previousLevel > 0 ? `${g.previousLevel} → ${g.level}` : `new, level ${g.level}`}
                  </span>
                ))}
              </p>
            )}
          </article>
        ))}
      </div>
    </>
  );
}
