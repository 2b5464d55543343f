// My gigs (as an owner): every gig I posted, by status, with the way to its candidates,
// applications and completion.
import { useQuery } from "urql";
import { Link } from "wouter";
import { GigCard } from "../components/GigCard";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import { humanise } from "../lib/format";
import { useScreenReady } from "../lib/ready";
import { useViewer } from "../viewer";

const MyGigsQuery = graphql(`
  query MyGigs($ownerId: ID!) {
    gigs(filter: { ownerId: $ownerId, statuses: [DRAFT, OPEN, FILLED, IN_PROGRESS, COMPLETED] }, first: 100) {
      totalCount
      edges {
        node {
          id
          status
          ...GigCardFields
        }
      }
    }
  }
`);

const ORDER = ["DRAFT", "OPEN", "FILLED", "IN_PROGRESS", "COMPLETED"];

export default function MyGigs() {
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyGigsQuery, variables: { ownerId: viewer.id } });
  useScreenReady("my-gigs", data !== undefined);
  return (
    <>
      <div className="row-between">
        <h1>My gigs</h1>
        <Link href="/post" className="button">Post a gig</Link>
      </div>
      <QueryState what="your gigs" fetching={!data && fetching} error={error} refetch={refetch} />
      {data && data.gigs.edges.length === 0 && (
        <Empty><p>You have posted no gig yet. Work that needs doing? <Link href="/post">Post a gig</Link>.</p></Empty>
      )}
      {data &&
        ORDER.map((status) => {
          const gigs = data.gigs.edges.map((e) => e.node).filter((g) => g.status === status);
          if (gigs.length === 0) return null;
          return (
            <section key={status} aria-labelledby={`status-${status}`}>
              <h2 id={`status-${status}`}>{humanise(status)} ({gigs.length})</h2>
              <div className="grid">
                {gigs.map((gig) => (
                  <GigCard key={gig.id} gig={gig}>
                    <p className="row">
                      {status === "OPEN" && <Link href={`/gigs/${gig.id}/candidates`}>Candidates</Link>}
                      <Link href={`/gigs/${gig.id}/pipeline`}>Applications</Link>
                      {(status === "FILLED" || status === "IN_PROGRESS" || status === "OPEN") && (
                        <Link href={`/gigs/${gig.id}/finish`}>Finish</Link>
                      )}
                    </p>
                  </GigCard>
                ))}
              </div>
            </section>
          );
        })}
    </>
  );
}
