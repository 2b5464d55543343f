// A gig: what it is, its skills with how the viewer stands to each, seats and hours; apply with a
// note or withdraw. The owner also finds the way to candidates, the pipeline and completion.
import { type SubmitEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link, useParams } from "wouter";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import { fitWords, skillFit } from "../lib/fit";
import { calendarDate, humanise, money, plural, relative } from "../lib/format";
import { failureOf, type Failure } from "../lib/outcome";
import { IMPORTANCE_LABELS } from "../lib/labels";
import { useScreenReady } from "../lib/ready";
import { useViewer } from "../viewer";

const GigPageQuery = graphql(`
  query GigPage($id: ID!, $personId: ID!) {
    gig(id: $id) {
      id
      title
      description
      type
      status
      hoursPerWeek
      durationWeeks
      startDate
      seats
      externalHourlyRate
      location
      remote
      applicationDeadline
      publishedAt
      owner {
        id
        name
      }
      department {
        name
      }
      skills {
        importance
        minProficiency
        skill {
          id
          label
          broader {
            id
            label
          }
          related {
            skill {
              id
              label
            }
          }
        }
      }
    }
    gigApplications(gigId: $id) {
      id
      state
      note
      updatedAt
      decisionReason
      person {
        id
      }
    }
    person(id: $personId) {
      id
      skills {
        proficiency
        skill {
          id
        }
      }
      aspirations {
        skill {
          id
        }
      }
    }
  }
`);

const Apply = graphql(`
  mutation ApplyToGig($gigId: ID!, $note: String) {
    applyToGig(input: { gigId: $gigId, note: $note }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const Withdraw = graphql(`
  mutation WithdrawApplication($applicationId: ID!, $reason: String) {
    withdrawApplication(input: { applicationId: $applicationId, reason: $reason }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const Publish = graphql(`
  mutation PublishGig($id: ID!) {
    publishGig(input: { id: $id }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const LIVE = new Set(["SUBMITTED", "SHORTLISTED", "OFFERED", "INVITED"]);

export default function GigPage() {
  const { id } = useParams<{ id: string }>();
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: GigPageQuery,
    variables: { id, personId: viewer.id },
  });
  const [applying, apply] = useMutation(Apply);
  const [withdrawing, withdraw] = useMutation(Withdraw);
  const [publishing, publish] = useMutation(Publish);
  const [note, setNote] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useScreenReady("gig", data !== undefined);

  if (!data) return <QueryState title="Gig" what="the gig" fetching={fetching} error={error} refetch={refetch} />;
  const gig = data.gig;
  if (!gig) {
    return (
      <>
        <h1>Gig not found</h1>
        <Empty>
          <p>
            This gig does not exist, or it is a draft you cannot see. <Link href="/gigs">Find gigs</Link>
          </p>
        </Empty>
      </>
    );
  }
  const isOwner = gig.owner?.id === viewer.id;
  const mine = data.gigApplications.filter((a) => a.person.id === viewer.id);
  const live = mine.find((a) => LIVE.has(a.state));
  const held = (data.person?.skills ?? []).map((s) => ({ id: s.skill.id, proficiency: s.proficiency }));
  const aspirations = (data.person?.aspirations ?? []).map((a) => a.skill.id);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setFailure(null);
    const response = await apply({ gigId: id, note: note.trim() || null });
    const problem = failureOf(response, response.data?.applyToGig.result, "Application");
    if (problem) setFailure(problem);
    else {
      setDone("Your application is in. The owner will be in touch; your manager is only asked once you are shortlisted.");
      setNote("");
      refetch({ requestPolicy: "network-only" });
    }
  }

  async function withdrawLive(applicationId: string) {
    setFailure(null);
    const response = await withdraw({ applicationId, reason: null });
    const problem = failureOf(response, response.data?.withdrawApplication.result, "Application");
    if (problem) setFailure(problem);
    else {
      setDone("You withdrew your application.");
      refetch({ requestPolicy: "network-only" });
    }
  }

  async function publishDraft() {
    setFailure(null);
    const response = await publish({ id });
    const problem = failureOf(response, response.data?.publishGig.result, "Gig");
    if (problem) setFailure(problem);
    else {
      setDone("Published: the gig is open and people can apply.");
      refetch({ requestPolicy: "network-only" });
    }
  }

  return (
    <article aria-labelledby="gig-title">
      <p className="row">
        <span className="tag">{humanise(gig.type)}</span>
        <span className="tag">{humanise(gig.status)}</span>
      </p>
      <h1 id="gig-title">{gig.title}</h1>
      <p className="meta">
        {gig.department?.name ?? "No department"} · posted by {gig.owner?.name ?? "someone who left"}
        {gig.publishedAt && <> · published {relative(gig.publishedAt)}</>}
      </p>
      <div className="columns">
        <div className="main-column">
          <section aria-labelledby="about">
            <h2 id="about">About the gig</h2>
            <p style={{ whiteSpace: "pre-line" }}>{gig.description || "No description yet."}</p>
          </section>
          <section aria-labelledby="skills">
            <h2 id="skills">Skills</h2>
            {gig.skills.length === 0 ? (
              <p>No skills listed yet.</p>
            ) : (
              <ul className="plain list">
                {gig.skills.map((gs) => {
                  const fit = skillFit(
                    {
                      id: gs.skill.id,
                      minProficiency: gs.minProficiency,
                      importance: gs.importance,
                      neighbours: [...gs.skill.broader, ...gs.skill.related.map((r) => r.skill)],
                    },
                    held,
                    aspirations,
                  );
                  return (
                    <li key={gs.skill.id}>
                      <strong>{gs.skill.label}</strong>
                      <span className="tag">{IMPORTANCE_LABELS.get(gs.importance)}</span>
                      <span className="meta">level {gs.minProficiency}+</span>
                      {!isOwner && (
                        <span className={`tag ${fit.kind === "have" ? "tag-good" : fit.kind === "grow" ? "tag-growth" : fit.kind === "close" ? "tag-warn" : ""}`}>
                          {fitWords(fit, gs.minProficiency)}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>
        <aside className="side-column">
          <div className="card">
            <h2>At a glance</h2>
            <ul className="plain">
              <li>{gig.hoursPerWeek} hours a week</li>
              <li>for {plural(gig.durationWeeks, "week")}</li>
              <li>{gig.startDate ? `starts ${calendarDate(gig.startDate)} (${relative(gig.startDate)})` : "start date to agree"}</li>
              <li>{plural(gig.seats, "seat")}</li>
              <li>{gig.remote ? "remote" : gig.location ? `in ${gig.location}` : "place to agree"}</li>
              {gig.applicationDeadline && <li>apply by {calendarDate(gig.applicationDeadline)} ({relative(gig.applicationDeadline)})</li>}
              <li>worth {money(gig.externalHourlyRate * gig.hoursPerWeek * gig.durationWeeks)} bought in</li>
            </ul>
          </div>
          {failure && <p className="field-error" role="alert">{failure.message}</p>}
          {done && <p className="success" role="status">{done}</p>}
          {isOwner ? (
            <div className="card">
              <h2>Your gig</h2>
              {gig.status === "DRAFT" && (
                <button type="button" disabled={publishing.fetching} onClick={() => void publishDraft()}>
                  Publish
                </button>
              )}
              <ul className="plain list">
                <li><Link href={`/gigs/${gig.id}/candidates`}>Candidates</Link></li>
                <li><Link href={`/gigs/${gig.id}/pipeline`}>Applications</Link></li>
                <li><Link href={`/gigs/${gig.id}/finish`}>Finish the gig</Link></li>
              </ul>
            </div>
          ) : live ? (
            <div className="card">
              <h2>Your application</h2>
              <p>
                {humanise(live.state)} · {relative(live.updatedAt)}
              </p>
              {live.state !== "INVITED" && (
                <button type="button" className="secondary" disabled={withdrawing.fetching} onClick={() => void withdrawLive(live.id)}>
                  Withdraw my application
                </button>
              )}
              {live.state === "OFFERED" && <p><Link href="/applications">Answer the offer</Link></p>}
              {live.state === "INVITED" && <p><Link href="/applications">Answer the invitation</Link></p>}
            </div>
          ) : gig.status === "OPEN" ? (
            <form className="card" onSubmit={(event) => void submit(event)}>
              <h2>Apply</h2>
              <label htmlFor="note">A note to the owner (optional)</label>
              <textarea id="note" rows={4} value={note} onChange={(e) => { setNote(e.target.value); }} />
              <p className="hint">Your manager is asked only if the owner shortlists you.</p>
              <button type="submit" disabled={applying.fetching}>
                Apply
              </button>
            </form>
          ) : (
            <p>This gig is not taking applications.</p>
          )}
          {mine.filter((a) => !LIVE.has(a.state)).map((a) => (
            <p key={a.id} className="meta">
              Earlier: {humanise(a.state)} {relative(a.updatedAt)}
              {a.decisionReason && <> — {a.decisionReason}</>}
            </p>
          ))}
        </aside>
      </div>
    </article>
  );
}
