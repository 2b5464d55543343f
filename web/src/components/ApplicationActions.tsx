// What a gig's owner can do with one application: shortlist, offer once the manager allows,
// reject with a reason; and where it stands (state, the manager's approval).
import { type SubmitEvent, useState } from "react";
import { useMutation } from "urql";
import { type FragmentType, graphql, useFragment } from "../gql";
import { humanise } from "../lib/format";
import { failureOf, type Failure } from "../lib/outcome";

export const ApplicationActionsFields = graphql(`
  fragment ApplicationActionsFields on Application {
    id
    state
    approvalState
    decisionReason
    person {
      name
    }
  }
`);

const Shortlist = graphql(`
  mutation ShortlistApplication($applicationId: ID!) {
    shortlistApplication(input: { applicationId: $applicationId }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const Offer = graphql(`
  mutation MakeOffer($applicationId: ID!) {
    makeOffer(input: { applicationId: $applicationId }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const Reject = graphql(`
  mutation RejectApplication($applicationId: ID!, $reason: String!) {
    rejectApplication(input: { applicationId: $applicationId, reason: $reason }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const APPROVAL: Record<string, string> = {
  NOT_REQUESTED: "",
  PENDING: "waiting for the manager",
  ESCALATED: "waiting for the manager's manager",
  APPROVED: "manager approved",
  AUTO_APPROVED: "approved (no answer in time)",
  NOT_NEEDED: "no approval needed",
  DECLINED: "manager declined",
};
const OFFERABLE = new Set(["APPROVED", "AUTO_APPROVED", "NOT_NEEDED"]);

export function ApplicationActions(props: {
  application: FragmentType<typeof ApplicationActionsFields>;
  onChange: (message: string) => void;
}) {
  const application = useFragment(ApplicationActionsFields, props.application);
  const [shortlisting, shortlist] = useMutation(Shortlist);
  const [offering, offer] = useMutation(Offer);
  const [rejecting, reject] = useMutation(Reject);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const name = application.person.name;
  const state = application.state;
  const busy = shortlisting.fetching || offering.fetching || rejecting.fetching;

  async function doShortlist() {
    setFailure(null);
    const response = await shortlist({ applicationId: application.id });
    const problem = failureOf(response, response.data?.shortlistApplication.result, "Application");
    if (problem) setFailure(problem);
    else props.onChange(`${name} is shortlisted.`);
  }

  async function doOffer() {
    setFailure(null);
    const response = await offer({ applicationId: application.id });
    const problem = failureOf(response, response.data?.makeOffer.result, "Application");
    if (problem) setFailure(problem);
    else props.onChange(`${name} has your offer.`);
  }

  async function doReject(event: SubmitEvent) {
    event.preventDefault();
    setFailure(null);
    const response = await reject({ applicationId: application.id, reason: reason.trim() });
    const problem = failureOf(response, response.data?.rejectApplication.result, "Application");
    if (problem) setFailure(problem);
    else {
      setAsking(false);
      props.onChange(`${name} is told no, with your reason.`);
    }
  }

  const approval = APPROVAL[application.approvalState] ?? "";
  return (
    <div className="actions">
      <p className="row">
        <span className={`state-tag state-${state.toLowerCase()}`}>{humanise(state)}</span>
        {approval && <span className="meta">{approval}</span>}
        {application.decisionReason && <span className="meta">“{application.decisionReason}”</span>}
      </p>
      <div className="row">
        {state === "SUBMITTED" && (
          <button type="button" disabled={busy} onClick={() => void doShortlist()}>
            Shortlist {name}
          </button>
        )}
        {state === "SHORTLISTED" && (
          <button
            type="button"
            disabled={busy || !OFFERABLE.has(application.approvalState)}
            onClick={() => void doOffer()}
            title={OFFERABLE.has(application.approvalState) ? undefined : "The manager has not approved yet"}
          >
            Offer {name} a seat
          </button>
        )}
        {["INVITED", "SUBMITTED", "SHORTLISTED", "OFFERED"].includes(state) && !asking && (
          <button type="button" className="secondary" disabled={busy} onClick={() => { setAsking(true); }}>
            Reject {name}
          </button>
        )}
      </div>
      {asking && (
        <form onSubmit={(event) => void doReject(event)} className="row">
          <label htmlFor={`reason-${application.id}`}>Why (the applicant reads it)</label>
          <input
            id={`reason-${application.id}`}
            value={reason}
            required
            onChange={(e) => { setReason(e.target.value); }}
            aria-invalid={failure?.field ? true : undefined}
          />
          <button type="submit" className="danger" disabled={busy}>Reject</button>
          <button type="button" className="secondary" onClick={() => { setAsking(false); }}>Cancel</button>
        </form>
      )}
      {failure && <p className="field-error" role="alert">{failure.message}</p>}
    </div>
  );
}
