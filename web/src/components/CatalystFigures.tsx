// A manager's own quarter as a talent catalyst: reports who grew on gigs elsewhere (by name),
// approvals given and how fast, and the team's engagement once enough of the team answered to
// stay anonymous.
import { type FragmentType, graphql, useFragment } from "../gql";
import { count, percent, plural } from "../lib/format";
import { quarterLabel } from "../lib/period";

export const CatalystFiguresFields = graphql(`
  fragment CatalystFiguresFields on CatalystReport {
    quarter
    lines {
      reports
      growers
      growerNames
      growthShare
      decisions
      approvals
      medianDecisionHours
      teamRespondents
      teamEngagement
      teamEnps
    }
  }
`);

function decisionTime(medianHours: number): string {
  if (medianHours < 1) return "within the hour";
  if (medianHours < 48) return `in ${plural(Math.round(medianHours), "hour")}`;
  return `in ${plural(Math.round(medianHours / 24), "day")}`;
}

export function CatalystFigures(props: { report: FragmentType<typeof CatalystFiguresFields> }) {
  const report = useFragment(CatalystFiguresFields, props.report);
  const line = report.lines[0];
  const label = quarterLabel(report.quarter);
  if (!line) return <p className="meta">{label}: nobody reported to you.</p>;
  return (
    <section aria-labelledby={`catalyst-${report.quarter}`}>
      <h3 id={`catalyst-${report.quarter}`}>{label}</h3>
      <div className="figures">
        <p className="figure">
          <strong>{count(line.growers)} of {count(line.reports)}</strong>
          of your reports grew on a gig elsewhere ({percent(line.growthShare)})
          {line.growerNames.length > 0 && <>: {line.growerNames.join(", ")}</>}
        </p>
        <p className="figure">
          <strong>{count(line.approvals)} of {count(line.decisions)}</strong>
          requests approved
          {line.medianDecisionHours !== null && <>, decided {decisionTime(line.medianDecisionHours)} (median)</>}
        </p>
        <p className="figure">
          {line.teamEngagement === null || line.teamRespondents === null ? (
            <>
              <strong>—</strong>
              team engagement: not shown until enough of your team answer the growth pulse to stay anonymous
            </>
          ) : (
            <>
              <strong>{line.teamEngagement.toFixed(1)} / 5</strong>
              team engagement from {plural(line.teamRespondents, "answer")}
              {line.teamEnps !== null && <>; would recommend the marketplace: {Math.round(line.teamEnps)} (eNPS)</>}
            </>
          )}
        </p>
      </div>
    </section>
  );
}
