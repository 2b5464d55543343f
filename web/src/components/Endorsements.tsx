// The endorsements a person received: the skill, who vouched for it (their profile a link away,
// "you" for the viewer) on which gig, their word and when.
import type { ReactNode } from "react";
import { Link } from "wouter";
import { type FragmentType, graphql, useFragment } from "../gql";
import type { EndorsementFieldsFragment } from "../gql/graphql";
import { relative } from "../lib/format";
import { useViewer } from "../viewer";
import { Empty } from "./States";

export const EndorsementFields = graphql(`
  fragment EndorsementFields on Endorsement {
    id
    comment
    createdAt
    endorserId
    endorserName
    gigTitle
    skill {
      label
    }
  }
`);

/** The section "Endorsements" (its heading's id `id`), the list named `label`. */
export function Endorsements(props: {
  id: string;
  endorsements: readonly FragmentType<typeof EndorsementFields>[];
  label: string;
  empty: ReactNode;
}) {
  const endorsements = useFragment(EndorsementFields, props.endorsements);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>Endorsements</h2>
      {endorsements.length === 0 ? <Empty><p>{props.empty}</p></Empty> : <EndorsementList endorsements={endorsements} label={props.label} />}
    </section>
  );
}

function EndorsementList({ endorsements, label }: { endorsements: readonly EndorsementFieldsFragment[]; label: string }) {
  const viewer = useViewer();
  return (
    <ul className="plain list" aria-label={label}>
      {endorsements.map((e) => (
        <li key={e.id}>
          <strong>{e.skill.label}</strong>
          <span>
            by {e.endorserId === viewer.id ? "you" : <Link href={`/people/${e.endorserId}`}>{e.endorserName ?? "a colleague"}</Link>}{" "}
            on {e.gigTitle ?? "a gig"}
          </span>
          {e.comment && <q>{e.comment}</q>}
          <small>{relative(e.createdAt)}</small>
        </li>
      ))}
    </ul>
  );
}
