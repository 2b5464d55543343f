// Candidates for my gig: the ranked list, each person's explanation drawn (per requirement: how
// it is met, evidenced or claimed, its share of the score; the gaps), what the exposure rule did,
// and invite / shortlist / reject / offer; a suggested team for gigs with several seats.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link, useParams } from "wouter";
import { ScoreBar } from "../components/ScoreBar";
import { Empty, ErrorState, Loading, QueryState } from "../components/States";
import { graphql } from "../gql";
import { howMet } from "../lib/explain";
import { hours, humanise, percent } from "../lib/format";
import { failureOf, type Failure } from "../lib/outcome";
import { useScreenReady } from "../lib/ready";
import { ApplicationActions } from "../components/ApplicationActions";

const CandidatesQuery = graphql(`
  query Candidates($gigId: ID!, $availableOnly: Boolean!) {
    gig(id: $gigId) {
      id
      title
      status
      seats
      hoursPerWeek
      department {
        name
      }
    }
    matchCandidates(gigId: $gigId, first: 20, options: { availableOnly: $availableOnly }) {
      score
      coverage
      exposureFactor
      recentEngagements
      remainingHours
      person {
        id
        name
        title
        department {
          name
        }
      }
      reasons {
        importance
        how
        proficiency
        evidenced
        met
        share
        contribution
        skill {
          id
          label
        }
        via {
          label
        }
      }
      gaps {
        importance
        minProficiency
        heldProficiency
        missing
        skill {
          id
          label
        }
      }
    }
    gigApplications(gigId: $gigId) {
      id
      ...ApplicationActionsFields
      person {
        id
      }
    }
  }
`);

const TeamQuery = graphql(`
  query SuggestedTeam($gigId: ID!, $size: Int!) {
    suggestTeam(gigId: $gigId, size: $size) {
      fit
      uncovered {
        id
        label
      }
      members {
        gain
        covers {
          id
          label
        }
        match {
          score
          person {
            id
            name
            title
            department {
              name
            }
          }
        }
      }
    }
  }
`);

const Invite = graphql(`
  mutation InviteToGig($gigId: ID!, $personId: ID!, $note: String) {
    inviteToGig(input: { gigId: $gigId, personId: $personId, note: $note }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

function SuggestedTeam({ gigId, size }: { gigId: string; size: number }) {
  const [{ data, fetching, error }] = useQuery({ query: TeamQuery, variables: { gigId, size } });
  if (fetching && !data) return <Loading what="a team" />;
  if (error) return <ErrorState error={error} />;
  const team = data?.suggestTeam;
  if (!team || team.members.length === 0) return <Empty><p>Nobody available covers this gig&apos;s skills yet.</p></Empty>;
  return (
    <div className="card">
      <p>
        Together they cover <strong>{percent(team.fit / 100)}</strong> of the gig.
        {team.uncovered.length > 0 && <> Nobody meets: {team.uncovered.map((s) => s.label).join(", ")}.</>}
      </p>
      <ol>
        {team.members.map((m) => (
          <li key={m.match.person.id}>
            <strong>{m.match.person.name}</strong> ({m.match.person.department?.name ?? "—"}) brings{" "}
            {m.covers.map((s) => s.label).join(", ") || "depth"} (+{percent(m.gain / 100)})
          </li>
        ))}
      </ol>
    </div>
  );
}

export default function Candidates() {
  const { id } = useParams<{ id: string }>();
  const [availableOnly, setAvailableOnly] = useState(true);
  const [showTeam, setShowTeam] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CandidatesQuery, variables: { gigId: id, availableOnly } });
  const [, invite] = useMutation(Invite);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useScreenReady("candidates", data !== undefined);

  if (!data) return <QueryState title="Candidates" what="the candidates" fetching={fetching} error={error} refetch={refetch} />;
  const gig = data.gig;
  if (!gig) return <Empty><p>No such gig.</p></Empty>;
  const applications = new Map(data.gigApplications.map((a) => [a.person.id, a]));

  async function invitePerson(personId: string, name: string) {
    setFailure(null);
    const response = await invite({ gigId: id, personId, note: null });
    const problem = failureOf(response, response.data?.inviteToGig.result, "Application");
    if (problem) setFailure(problem);
    else {
      setDone(`${name} is invited.`);
      refetch({ requestPolicy: "network-only" });
    }
  }

  return (
    <>
      <p><Link href={`/gigs/${gig.id}`}>← {gig.title}</Link></p>
      <h1>Candidates for {gig.title}</h1>
      <p className="row">
        <Link href={`/gigs/${gig.id}/pipeline`}>Applications</Link>
        <Link href={`/gigs/${gig.id}/finish`}>Finish the gig</Link>
      </p>
      <p className="hint">
        Ranked by how well their skills meet the gig. People of {gig.department?.name ?? "the gig's department"} are
        left out (matching is cross-functional). The exposure rule lowers the score of people with
        recent gigs, so the same few people do not take every gig: the hatched part is what it took off.
      </p>
      <div className="row">
        <label className="row" style={{ fontWeight: 400 }}>
          <input type="checkbox" checked={availableOnly} onChange={(e) => { setAvailableOnly(e.target.checked); }} />
          Only people with {hours(gig.hoursPerWeek)} a week free
        </label>
        {gig.seats > 1 && (
          <button type="button" className="secondary" onClick={() => { setShowTeam(!showTeam); }} aria-expanded={showTeam}>
            {showTeam ? "Hide" : "Suggest"} a team of {Math.min(gig.seats, 10)}
          </button>
        )}
      </div>
      {showTeam && (
        <section aria-labelledby="team">
          <h2 id="team">Suggested team</h2>
          <SuggestedTeam gigId={id} size={Math.min(gig.seats, 10)} />
        </section>
      )}
      <div aria-live="polite">
        {failure && <p className="field-error" role="alert">{failure.message}</p>}
        {done && <p className="success" role="status">{done}</p>}
      </div>
      {data.matchCandidates.length === 0 ? (
        <Empty><p>Nobody outside the gig&apos;s department has these skills, or something close, with time free. Try listing fully booked people too.</p></Empty>
      ) : (
        <ol className="plain">
          {data.matchCandidates.map((c, rank) => {
            const application = applications.get(c.person.id);
            return (
              <li key={c.person.id} className="card" style={{ marginBottom: "0.8rem" }} aria-labelledby={`cand-${c.person.id}`}>
                <div className="row-between">
                  <h2 id={`cand-${c.person.id}`} style={{ margin: 0 }}>
                    {rank + 1}. {c.person.name}
                  </h2>
                  <span className="score">{percent(c.score / 100)} match</span>
                </div>
                <p className="meta">
                  {c.person.title} · {c.person.department?.name ?? "—"} · {hours(c.remainingHours)} a week free ·
                  meets {percent(c.coverage)} of the required skills
                </p>
                <ScoreBar
                  score={c.score / 100}
                  exposureFactor={c.exposureFactor}
                  segments={c.reasons.map((r) => ({ label: r.skill.label, how: r.how, contribution: r.contribution / 100 }))}
                />
                {c.exposureFactor < 1 && (
                  <p className="meta">
                    {c.recentEngagements} recent gig{c.recentEngagements === 1 ? "" : "s"}: the exposure rule keeps {percent(c.exposureFactor)} of the score.
                  </p>
                )}
                <table>
                  <caption className="visually-hidden">Why {c.person.name} matches</caption>
                  <thead>
                    <tr><th scope="col">Skill</th><th scope="col">How</th><th scope="col">Share of the score</th></tr>
                  </thead>
                  <tbody>
                    {c.reasons.map((r) => (
                      <tr key={r.skill.id}>
                        <td>{r.skill.label} <small className="meta">({humanise(r.importance)})</small></td>
                        <td>{howMet({ skill: r.skill.label, how: r.how, via: r.via?.label, met: r.met, proficiency: r.proficiency, evidenced: r.evidenced })}</td>
                        <td>{percent(c.score > 0 ? r.contribution / c.score : 0)}</td>
                      </tr>
                    ))}
                    {c.gaps.map((g) => (
                      <tr key={`gap-${g.skill.id}`}>
                        <td>{g.skill.label} <small className="meta">({humanise(g.importance)})</small></td>
                        <td className="state-error">
                          Gap: {g.heldProficiency > 0 ? `level ${g.heldProficiency}, ${g.missing} short of ${g.minProficiency}` : `not held (needs ${g.minProficiency})`}
                        </td>
                        <td>—</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <div className="row" style={{ marginTop: "0.5rem" }}>
                  {application ? (
                    <ApplicationActions
                      application={application}
                      onChange={(message) => {
                        setDone(message);
                        refetch({ requestPolicy: "network-only" });
                      }}
                    />
                  ) : gig.status === "OPEN" ? (
                    <button type="button" onClick={() => void invitePerson(c.person.id, c.person.name)}>
                      Invite {c.person.name}
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
