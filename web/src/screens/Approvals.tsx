// Approvals (manager): the inbox of reports shortlisted for gigs; approve or decline (with a
// reason), one or several at once (all or nothing); the manager's own catalyst figures for this
// quarter and the one before.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { CatalystFigures } from "../components/CatalystFigures";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import { hours, plural, relative } from "../lib/format";
import { failureOf, type Failure } from "../lib/outcome";
import { previousQuarter, quarterOf } from "../lib/period";
import { useScreenReady } from "../lib/ready";

const ApprovalsQuery = graphql(`
  query Approvals($quarter: String!, $previousQuarter: String!) {
    thisQuarter: myCatalystReport(quarter: $quarter) {
      __typename
      ...CatalystFiguresFields
    }
    lastQuarter: myCatalystReport(quarter: $previousQuarter) {
      __typename
      ...CatalystFiguresFields
    }
    pendingApprovals {
      id
      note
      approvalState
      approvalRequestedAt
      person {
        id
        name
        title
        weeklyHours
        gigCapacityPct
      }
      gig {
        id
        title
        type
        hoursPerWeek
        durationWeeks
        department {
          name
        }
        owner {
          name
        }
      }
    }
  }
`);

const Decide = graphql(`
  mutation DecideApprovals($decisions: [ApprovalDecisionInput!]!) {
    decideApprovals(input: { decisions: $decisions }) {
      result {
        __typename
        ... on ApprovalBatch {
          applications {
            id
            approvalState
          }
        }
        ...UserErrorFields
      }
    }
  }
`);

export default function Approvals() {
  const [quarters] = useState(() => {
    const quarter = quarterOf(new Date());
    return { quarter, previousQuarter: previousQuarter(quarter) };
  });
  const [{ data, fetching, error }, refetch] = useQuery({ query: ApprovalsQuery, variables: quarters });
  const [deciding, decide] = useMutation(Decide);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useScreenReady("approvals", data !== undefined);

  async function send(ids: string[], approve: boolean) {
    setFailure(null);
    if (!approve && !reason.trim()) {
      setFailure({ message: "Say why you decline: the person reads it.", field: "reason" });
      return;
    }
    const response = await decide({
      decisions: ids.map((applicationId) => ({ applicationId, approve, reason: approve ? null : reason.trim() })),
    });
    const problem = failureOf(response, response.data?.decideApprovals.result, "ApprovalBatch");
    if (problem) setFailure(problem);
    else {
      setDone(`${approve ? "Approved" : "Declined"} ${plural(ids.length, "request")}.`);
      setSelected(new Set());
      setReason("");
      refetch({ requestPolicy: "network-only" });
    }
  }

  const pending = data?.pendingApprovals ?? [];
  const all = pending.length > 0 && selected.size === pending.length;
  return (
    <>
      <h1>Approvals</h1>
      <p className="hint">You see a request only once the gig&apos;s owner has shortlisted your report.</p>
      <div aria-live="polite">
        {failure && <p className="field-error" role="alert">{failure.message}</p>}
        {done && <p className="success" role="status">{done}</p>}
      </div>
      <QueryState what="your approvals" fetching={!data && fetching} error={error} refetch={refetch} />
      {data && pending.length === 0 && <Empty><p>Nothing waits for you. Well done.</p></Empty>}
      {pending.length > 0 && (
        <>
          <div className="card row">
            <label className="row" style={{ fontWeight: 400, margin: 0 }}>
              <input
                type="checkbox"
                checked={all}
                onChange={() => { setSelected(all ? new Set() : new Set(pending.map((p) => p.id))); }}
              />
              Select all
            </label>
            <button type="button" disabled={selected.size === 0 || deciding.fetching} onClick={() => void send([...selected], true)}>
              Approve selected ({selected.size})
            </button>
            <label htmlFor="decline-reason" style={{ margin: 0 }}>Reason to decline</label>
            <input id="decline-reason" value={reason} onChange={(e) => { setReason(e.target.value); }} aria-invalid={failure?.field === "reason" ? true : undefined} />
            <button type="button" className="danger" disabled={selected.size === 0 || deciding.fetching} onClick={() => void send([...selected], false)}>
              Decline selected
            </button>
          </div>
          <ul className="plain">
            {pending.map((a) => (
              <li key={a.id} className="card" style={{ marginTop: "0.6rem" }}>
                <div className="row-between">
                  <label className="row" style={{ margin: 0 }}>
                    <input
                      type="checkbox"
                      checked={selected.has(a.id)}
                      onChange={() => {
                        const next = new Set(selected);
                        if (next.has(a.id)) next.delete(a.id);
                        else next.add(a.id);
                        setSelected(next);
                      }}
                    />
                    {a.person.name} for “{a.gig.title}”
                  </label>
                  <small>asked {relative(a.approvalRequestedAt)}{a.approvalState === "ESCALATED" ? " · escalated to you" : ""}</small>
                </div>
                <p className="meta">
                  {a.gig.department?.name ?? "—"} · {a.gig.owner?.name ?? "—"} · {hours(a.gig.hoursPerWeek)} a week for {plural(a.gig.durationWeeks, "week")} ·
                  {" "}{a.person.name} offers {hours((a.person.weeklyHours * a.person.gigCapacityPct) / 100)} a week to gigs
                </p>
                {a.note && <p>“{a.note}”</p>}
                <div className="row">
                  <button type="button" disabled={deciding.fetching} onClick={() => void send([a.id], true)}>
                    Approve {a.person.name}
                  </button>
                  <button type="button" className="secondary" disabled={deciding.fetching} onClick={() => void send([a.id], false)}>
                    Decline (with the reason above)
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {data && (
        <section className="card" aria-labelledby="catalyst" style={{ marginTop: "1.2rem" }}>
          <h2 id="catalyst">You as a talent catalyst</h2>
          <p className="hint">How your team grows through gigs elsewhere, and how quickly you let them.</p>
          {[data.thisQuarter, data.lastQuarter].map((report, i) =>
            report.__typename === "CatalystReport" ? <CatalystFigures key={i} report={report} /> : null,
          )}
        </section>
      )}
    </>
  );
}
