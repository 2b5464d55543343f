// Finishing a gig (owner): complete each engagement with hours, a rating, feedback and the level
// each skill was shown at; those become validated skills on the helper's profile.
import { type SubmitEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link, useParams } from "wouter";
import { Empty, QueryState } from "../components/States";
import { StoryCard, StoryFields, TellStoryForm } from "../components/Story";
import { type FragmentType, graphql } from "../gql";
import { hours, relative } from "../lib/format";
import { text } from "../lib/forms";
import { failureOf, type Failure } from "../lib/outcome";
import { useScreenReady } from "../lib/ready";

const FinishQuery = graphql(`
  query Finish($gigId: ID!) {
    gig(id: $gigId) {
      id
      title
      status
      durationWeeks
      skills {
        minProficiency
        skill {
          id
          label
        }
      }
    }
    gigApplications(gigId: $gigId) {
      id
      state
      person {
        id
        name
      }
      engagement {
        id
        status
        hoursPerWeek
        startedAt
        completedAt
        hoursWorked
        rating
        feedback
        helperRating
        helperFeedback
        demonstrated {
          level
          grew
          skill {
            id
            label
          }
        }
      }
    }
    stories(gigId: $gigId, first: 100) {
      id
      engagementId
      ...StoryFields
    }
  }
`);

const Complete = graphql(`
  mutation CompleteEngagement($input: CompleteEngagementInput!) {
    completeEngagement(input: $input) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

interface SkillLevel {
  id: string;
  label: string;
  level: number;
}

function CompleteForm(props: {
  engagementId: string;
  name: string;
  suggestedHours: number;
  skills: SkillLevel[];
  onDone: (message: string) => void;
}) {
  const [{ fetching }, complete] = useMutation(Complete);
  const [levels, setLevels] = useState<Record<string, number>>(
    Object.fromEntries(props.skills.map((s) => [s.id, s.level])),
  );
  const [failure, setFailure] = useState<Failure | null>(null);
  const prefix = `complete-${props.engagementId}`;

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFailure(null);
    const response = await complete({
      input: {
        engagementId: props.engagementId,
        hoursWorked: Number(text(form, "hoursWorked")),
        rating: Number(text(form, "rating")),
        feedback: text(form, "feedback"),
        skills: Object.entries(levels)
          .filter(([, level]) => level > 0)
          .map(([skillId, level]) => ({ skillId, level })),
      },
    });
    const problem = failureOf(response, response.data?.completeEngagement.result, "Engagement");
    if (problem) setFailure(problem);
    else props.onDone(`${props.name}'s work is complete; the skills shown are now validated on their profile.`);
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={`Complete ${props.name}'s engagement`}>
      {failure && <p className="field-error" role="alert">{failure.message}</p>}
      <div className="row">
        <div>
          <label htmlFor={`${prefix}-hours`}>Hours worked</label>
          <input id={`${prefix}-hours`} name="hoursWorked" type="number" min={0} step={0.5} defaultValue={props.suggestedHours} />
        </div>
        <div>
          <label htmlFor={`${prefix}-rating`}>Rating</label>
          <select id={`${prefix}-rating`} name="rating" defaultValue={5}>
            {[5, 4, 3, 2, 1].map((r) => <option key={r} value={r}>{r} / 5</option>)}
          </select>
        </div>
      </div>
      <label htmlFor={`${prefix}-feedback`}>Feedback for {props.name}</label>
      <textarea id={`${prefix}-feedback`} name="feedback" rows={3} cols={60} required aria-invalid={failure?.field?.endsWith("feedback") ? true : undefined} />
      <fieldset>
        <legend>Skills shown on the gig (level 1–5, or not shown)</legend>
        {props.skills.map((s) => (
          <div key={s.id} className="row">
            <label htmlFor={`${prefix}-${s.id}`} style={{ fontWeight: 400 }}>{s.label}</label>
            <select
              id={`${prefix}-${s.id}`}
              value={levels[s.id] ?? 0}
              onChange={(e) => { setLevels({ ...levels, [s.id]: Number(e.target.value) }); }}
            >
              <option value={0}>not shown</option>
              {[1, 2, 3, 4, 5].map((l) => <option key={l} value={l}>level {l}</option>)}
            </select>
          </div>
        ))}
      </fieldset>
      <button type="submit" disabled={fetching}>Complete</button>
    </form>
  );
}

/** The story of a completed engagement: told so far, or the owner's form to start it. */
function GigStory(props: {
  engagementId: string;
  helper: string;
  title: string;
  story: FragmentType<typeof StoryFields> | undefined;
  onTold: (message: string) => void;
}) {
  return (
    <section aria-label={`The story of ${props.helper}'s work`}>
      <h3>Its success story</h3>
      {props.story ? (
        <StoryCard story={props.story} onTold={props.onTold} />
      ) : (
        <TellStoryForm engagementId={props.engagementId} title={props.title} line={null} consent={false} other={props.helper} onTold={props.onTold} />
      )}
    </section>
  );
}

export default function Finish() {
  const { id } = useParams<{ id: string }>();
  const [{ data, fetching, error }, refetch] = useQuery({ query: FinishQuery, variables: { gigId: id } });
  const [done, setDone] = useState<string | null>(null);
  useScreenReady("finish", data !== undefined);
  if (!data) return <QueryState title="Finish the gig" what="the gig's engagements" fetching={fetching} error={error} refetch={refetch} />;
  const gig = data.gig;
  if (!gig) return <Empty><p>No such gig.</p></Empty>;
  const engaged = data.gigApplications.filter((a) => a.engagement);
  const onDone = (message: string) => {
    setDone(message);
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <>
      <p><Link href={`/gigs/${gig.id}`}>← {gig.title}</Link></p>
      <h1>Finish “{gig.title}”</h1>
      {done && <p className="success" role="status">{done}</p>}
      {engaged.length === 0 ? (
        <Empty><p>Nobody works on this gig yet: offers accepted show up here.</p></Empty>
      ) : (
        <ul className="plain">
          {engaged.map((a) => {
            const e = a.engagement;
            if (!e) return null;
            return (
              <li key={e.id} className="card" style={{ marginBottom: "0.8rem" }}>
                <h2 style={{ marginTop: 0 }}>{a.person.name}</h2>
                <p className="meta">
                  {e.status === "ACTIVE" ? `working ${hours(e.hoursPerWeek)} a week since ${relative(e.startedAt)}` : `${e.status.toLowerCase()} ${relative(e.completedAt)}`}
                </p>
                {e.status === "ACTIVE" ? (
                  <CompleteForm
                    engagementId={e.id}
                    name={a.person.name}
                    suggestedHours={e.hoursPerWeek * gig.durationWeeks}
                    skills={gig.skills.map((s) => ({ id: s.skill.id, label: s.skill.label, level: s.minProficiency }))}
                    onDone={onDone}
                  />
                ) : (
                  <>
                    <p>
                      {hours(e.hoursWorked ?? 0)} worked · rated {e.rating ?? "—"}/5 {e.feedback && <>· “{e.feedback}”</>}
                    </p>
                    {e.demonstrated.length > 0 && (
                      <p>Skills validated: {e.demonstrated.map((d) => `${d.skill.label} ${d.level}${d.grew ? " (grew)" : ""}`).join(", ")}</p>
                    )}
                    <p className="meta">
                      {e.helperRating ? `${a.person.name} rated the gig ${e.helperRating}/5${e.helperFeedback ? `: “${e.helperFeedback}”` : ""}` : `${a.person.name} has not rated the gig yet.`}
                    </p>
                    {e.status === "COMPLETED" && <GigStory engagementId={e.id} helper={a.person.name} title={gig.title} story={data.stories.find((st) => st.engagementId === e.id)} onTold={onDone} />}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
