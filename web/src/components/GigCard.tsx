import type { ReactNode } from "react";
import { Link } from "wouter";
import { type FragmentType, graphql, useFragment } from "../gql";
import { humanise, plural, relative } from "../lib/format";

export const GigCardFields = graphql(`
  fragment GigCardFields on Gig {
    id
    title
    type
    status
    hoursPerWeek
    durationWeeks
    startDate
    seats
    department {
      name
    }
    owner {
      name
    }
  }
`);

export function GigCard(props: {
  gig: FragmentType<typeof GigCardFields>;
  children?: ReactNode;
  badge?: string;
}) {
  const gig = useFragment(GigCardFields, props.gig);
  return (
    <article className="card gig-card" aria-labelledby={`gig-${gig.id}`}>
      <div className="row-between">
        <span className="tag">{humanise(gig.type)}</span>
        {props.badge && <span className="tag tag-growth">{props.badge}</span>}
      </div>
      <h3 id={`gig-${gig.id}`}>
        <Link href={`/gigs/${gig.id}`}>{gig.title}</Link>
      </h3>
      <p className="meta">
        {gig.department?.name ?? "No department"}
        {gig.owner && <> · {gig.owner.name}</>}
      </p>
      <p className="meta">
        {gig.hoursPerWeek} h/week · {plural(gig.durationWeeks, "week")} ·{" "}
        {gig.startDate ? `starts ${relative(gig.startDate)}` : "start flexible"} ·{" "}
        {plural(gig.seats, "seat")}
      </p>
      {props.children}
    </article>
  );
}
