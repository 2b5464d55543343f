// My applications: where each stands, answering offers and invitations, withdrawing, and rating a
// finished gig back.
import { type SubmitEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import { humanise, relative } from "../lib/format";
import { failureOf, type Failure } from "../lib/outcome";
import { useScreenReady } from "../lib/ready";

const MyApplicationsQuery = graphql(`
  query MyApplications {
    myApplications {
      id
      state
      origin
      note
      updatedAt
      approvalState
      decisionReason
      gig {
        id
        title
        hoursPerWeek
        owner {
          name
        }
      }
      engagement {
        id
        status
        completedAt
        rating
        helperRating
      }
    }
  }
`);

const Accept = graphql(`
  mutation AcceptOffer($applicationId: ID!) {
    acceptOffer(input: { applicationId: $applicationId }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const Decline = graphql(`
  mutation DeclineOffer($applicationId: ID!, $reason: String) {
    declineOffer(input: { applicationId: $applicationId, reason: $reason }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const Respond = graphql(`
  mutation RespondToInvitation($applicationId: ID!, $accept: Boolean!) {
    respondToInvitation(input: { applicationId: $applicationId, accept: $accept }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const RateBack = graphql(`
  mutation GiveGigFeedback($engagementId: ID!, $rating: Int!, $feedback: String) {
    giveGigFeedback(input: { engagementId: $engagementId, rating: $rating, feedback: $feedback }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const STATE_WORDS: Record<string, string> = {
  INVITED: "You are invited",
  SUBMITTED: "Sent to the owner",
  SHORTLISTED: "Shortlisted",
  OFFERED: "You have an offer",
  ACCEPTED: "You are on it",
  WITHDRAWN: "Withdrawn",
  DECLINED: "Declined",
  REJECTED: "Not this time",
};

function RateForm({ engagementId, onDone }: { engagementId: string; onDone: (message: string, failure?: Failure) => void }) {
  const [{ fetching }, rate] = useMutation(RateBack);
  const [rating, setRating] = useState(5);
  const [feedback, setFeedback] = useState("");
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const response = await rate({ engagementId, rating, feedback: feedback.trim() || null });
    const problem = failureOf(response, response.data?.giveGigFeedback.result, "Engagement");
    onDone(problem ? "" : "Thank you: the owner sees your rating.", problem ?? undefined);
  }
  return (
    <form onSubmit={(event) => void submit(event)} className="row">
      <label htmlFor={`rating-${engagementId}`}>Rate the gig</label>
      <select id={`rating-${engagementId}`} value={rating} onChange={(e) => { setRating(Number(e.target.value)); }}>
        {[5, 4, 3, 2, 1].map((r) => <option key={r} value={r}>{r} / 5</option>)}
      </select>
      <label htmlFor={`feedback-${engagementId}`}>What was it like?</label>
      <input id={`feedback-${engagementId}`} value={feedback} onChange={(e) => { setFeedback(e.target.value); }} />
      <button type="submit" disabled={fetching}>Send</button>
    </form>
  );
}

export default function MyApplications() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyApplicationsQuery });
  const [, accept] = useMutation(Accept);
  const [, decline] = useMutation(Decline);
  const [, respond] = useMutation(Respond);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useScreenReady("applications", data !== undefined);

  function after(problem: Failure | null, message: string) {
    if (problem) {
      setFailure(problem);
      setDone(null);
    } else {
      setFailure(null);
      setDone(message);
      refetch({ requestPolicy: "network-only" });
    }
  }

  return (
    <>
      <h1>My applications</h1>
      <div aria-live="polite">
        {failure && <p className="field-error" role="alert">{failure.message}</p>}
        {done && <p className="success" role="status">{done}</p>}
      </div>
      <QueryState what="your applications" fetching={!data && fetching} error={error} refetch={refetch} />
      {data && data.myApplications.length === 0 && (
        <Empty><p>You have not applied to anything yet. <Link href="/">See gigs for you</Link>.</p></Empty>
      )}
      {data && data.myApplications.length > 0 && (
        <ul className="plain">
          {data.myApplications.map((a) => (
            <li key={a.id} className="card" style={{ marginBottom: "0.7rem" }}>
              <div className="row-between">
                <h2 style={{ margin: 0 }}>
                  <Link href={`/gigs/${a.gig.id}`}>{a.gig.title}</Link>
                </h2>
                <span className={`state-tag state-${a.state.toLowerCase()}`}>{STATE_WORDS[a.state] ?? humanise(a.state)}</span>
              </div>
              <p className="meta">
                {a.gig.owner?.name ?? "—"} · {a.gig.hoursPerWeek} h/week · {relative(a.updatedAt)}
                {a.state === "SHORTLISTED" && a.approvalState === "PENDING" && " · your manager is asked"}
              </p>
              {a.decisionReason && <p>“{a.decisionReason}”</p>}
              <div className="row">
                {a.state === "OFFERED" && (
                  <>
                    <button
                      type="button"
                      onClick={() =>
                        void accept({ applicationId: a.id }).then((r) => {
                          after(failureOf(r, r.data?.acceptOffer.result, "Application"), `You are on “${a.gig.title}”. Congratulations!`);
                        })
                      }
                    >
                      Accept the offer
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        void decline({ applicationId: a.id, reason: null }).then((r) => {
                          after(failureOf(r, r.data?.declineOffer.result, "Application"), "You declined the offer.");
                        })
                      }
                    >
                      Decline
                    </button>
                  </>
                )}
                {a.state === "INVITED" && (
                  <>
                    <button
                      type="button"
                      onClick={() =>
                        void respond({ applicationId: a.id, accept: true }).then((r) => {
                          after(failureOf(r, r.data?.respondToInvitation.result, "Application"), "You accepted the invitation.");
                        })
                      }
                    >
                      Accept the invitation
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() =>
                        void respond({ applicationId: a.id, accept: false }).then((r) => {
                          after(failureOf(r, r.data?.respondToInvitation.result, "Application"), "You declined the invitation.");
                        })
                      }
                    >
                      Decline
                    </button>
                  </>
                )}
              </div>
              {a.engagement?.status === "COMPLETED" &&
                (a.engagement.helperRating ? (
                  <p className="meta">Completed {relative(a.engagement.completedAt)} · you rated it {a.engagement.helperRating}/5</p>
                ) : (
                  <RateForm
                    engagementId={a.engagement.id}
                    onDone={(message, problem) => { after(problem ?? null, message); }}
                  />
                ))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
