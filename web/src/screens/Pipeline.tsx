// A gig's applications by state, for its owner: shortlist, offer once approved, reject.
import { useState } from "react";
import { useQuery } from "urql";
import { Link, useParams } from "wouter";
import { ApplicationActions } from "../components/ApplicationActions";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import { humanise, relative } from "../lib/format";
import { useScreenReady } from "../lib/ready";

const PipelineQuery = graphql(`
  query Pipeline($gigId: ID!) {
    gig(id: $gigId) {
      id
      title
      status
      seats
    }
    gigApplications(gigId: $gigId) {
      id
      state
      origin
      note
      updatedAt
      person {
        id
        name
        title
        department {
          name
        }
      }
      ...ApplicationActionsFields
    }
  }
`);

const COLUMNS = ["INVITED", "SUBMITTED", "SHORTLISTED", "OFFERED", "ACCEPTED", "DECLINED", "WITHDRAWN", "REJECTED"];

export default function Pipeline() {
  const { id } = useParams<{ id: string }>();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PipelineQuery, variables: { gigId: id } });
  const [done, setDone] = useState<string | null>(null);
  useScreenReady("pipeline", data !== undefined);
  if (!data) return <QueryState title="Applications" what="the applications" fetching={fetching} error={error} refetch={refetch} />;
  if (!data.gig) return <Empty><p>No such gig.</p></Empty>;
  return (
    <>
      <p><Link href={`/gigs/${data.gig.id}`}>← {data.gig.title}</Link></p>
      <h1>Applications for {data.gig.title}</h1>
      <p className="row">
        <Link href={`/gigs/${data.gig.id}/candidates`}>Find candidates</Link>
        <Link href={`/gigs/${data.gig.id}/finish`}>Finish the gig</Link>
      </p>
      {done && <p className="success" role="status">{done}</p>}
      {data.gigApplications.length === 0 ? (
        <Empty><p>No application yet. <Link href={`/gigs/${data.gig.id}/candidates`}>Invite candidates</Link>.</p></Empty>
      ) : (
        COLUMNS.map((state) => {
          const rows = data.gigApplications.filter((a) => a.state === state);
          if (rows.length === 0) return null;
          return (
            <section key={state} aria-labelledby={`col-${state}`}>
              <h2 id={`col-${state}`}>{humanise(state)} ({rows.length})</h2>
              <ul className="plain">
                {rows.map((a) => (
                  <li key={a.id} className="card" style={{ marginBottom: "0.6rem" }}>
                    <strong>{a.person.name}</strong>{" "}
                    <span className="meta">
                      {a.person.title} · {a.person.department?.name ?? "—"} · {a.origin === "INVITATION" ? "invited" : "applied"} · {relative(a.updatedAt)}
                    </span>
                    {a.note && <p>“{a.note}”</p>}
                    <ApplicationActions
                      application={a}
                      onChange={(message) => {
                        setDone(message);
                        refetch({ requestPolicy: "network-only" });
                      }}
                    />
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </>
  );
}
