// Success stories told with consent: the viewer's own (as the helper or the gig's owner) with
// their line and consent, the completed gigs they helped on that have no story yet, the published
// stories (what was done, for whom, the hours and the savings, never a rating), and the
// unpublished ones the viewer reads as a manager of someone in them or as HR.
import { useState } from "react";
import { useQuery } from "urql";
import { StoryCard, TellStoryForm } from "../components/Story";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import { hours, money, plural, relative } from "../lib/format";
import { useScreenReady } from "../lib/ready";
import { useViewer } from "../viewer";

const StoriesQuery = graphql(`
  query Stories($personId: ID!) {
    mine: stories(mine: true, first: 100) {
      id
      engagementId
      published
      estimatedSavings
      ...StoryFields
    }
    others: stories(first: 60) {
      id
      engagementId
      published
      estimatedSavings
      ...StoryFields
    }
    gigProfile(personId: $personId) {
      completedGigs {
        id
        completedAt
        hoursWorked
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
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: StoriesQuery, variables: { personId: viewer.id } });
  const [told, setTold] = useState<string | null>(null);
  useScreenReady("stories", data !== undefined);

  function onTold(message: string) {
    setTold(message);
    refetch({ requestPolicy: "network-only" });
  }

  const mine = data?.mine ?? [];
  const telling = new Set(mine.map((s) => s.engagementId));
  const others = (data?.others ?? []).filter((s) => !telling.has(s.engagementId));
  const published = others.filter((s) => s.published);
  const waiting = others.filter((s) => !s.published);
  const untold = (data?.gigProfile?.completedGigs ?? []).filter((e) => !telling.has(e.id));
  const everyPublished = [...mine.filter((s) => s.published), ...published];
  const saved = everyPublished.reduce((sum, s) => sum + s.estimatedSavings, 0);

  return (
    <>
      <h1>Success stories</h1>
      <p className="lead">
        A gig's story is published only while its helper and its owner both agree, each in their own words.
      </p>
      {everyPublished.length > 0 && (
        <p>
          {plural(everyPublished.length, "published story", "published stories")} saved{" "}
          <strong>{money(saved)}</strong> the organisation would have paid outside.
        </p>
      )}
      <div aria-live="polite">{told && <p className="success" role="status">{told}</p>}</div>
      <QueryState what="the stories" fetching={!data && fetching} error={error} refetch={refetch} />
      {data && (mine.length > 0 || untold.length > 0) && (
        <section aria-labelledby="your-stories">
          <h2 id="your-stories">Your stories</h2>
          <div className="grid">
            {mine.map((s) => <StoryCard key={s.id} story={s} onTold={onTold} />)}
            {untold.map((e) => (
              <article key={e.id} className="card" aria-labelledby={`untold-${e.id}`}>
                <h3 id={`untold-${e.id}`} style={{ marginTop: 0 }}>{e.gig.title}</h3>
                <p className="meta">
                  No story yet · {hours(e.hoursWorked ?? 0)} · completed {relative(e.completedAt)}
                </p>
                <TellStoryForm
                  engagementId={e.id}
                  title={e.gig.title}
                  line={null}
                  consent={false}
                  other={e.gig.owner?.name ?? "the gig's owner"}
                  onTold={onTold}
                />
              </article>
            ))}
          </div>
        </section>
      )}
      {data && (
        <section aria-labelledby="published">
          <h2 id="published">Published</h2>
          {published.length === 0 ? (
            <Empty><p>No other story is published yet: once a helper and a gig's owner both agree, theirs is told here.</p></Empty>
          ) : (
            <div className="grid">{published.map((s) => <StoryCard key={s.id} story={s} />)}</div>
          )}
        </section>
      )}
      {waiting.length > 0 && (
        <section aria-labelledby="waiting">
          <h2 id="waiting">Waiting for consent</h2>
          <p className="hint">
            Not published: you read these as the manager of someone in them, or as HR, until both agree.
          </p>
          <div className="grid">{waiting.map((s) => <StoryCard key={s.id} story={s} />)}</div>
        </section>
      )}
    </>
  );
}
