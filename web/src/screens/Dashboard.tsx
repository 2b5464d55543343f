// HR: the analytics dashboard. A chart for every metric of the analytics field, for a period and
// a department; each chart downloads the rows it draws as CSV.
import { useState } from "react";
import { useQuery } from "urql";
import { Link } from "wouter";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Bars } from "../components/Bars";
import { CatalystReportDownload } from "../components/CatalystReportDownload";
import { Chart } from "../components/Chart";
import { CollaborationGraph } from "../components/CollaborationGraph";
import { PulseChart } from "../components/PulseChart";
import { QueryState } from "../components/States";
import { graphql } from "../gql";
import { count, hours, humanise, money, percent } from "../lib/format";
import { byMonth, lastDays, monthLabel, type Period, quarterOf } from "../lib/period";
import { useScreenReady } from "../lib/ready";

const DashboardDepartments = graphql(`
  query DashboardDepartments {
    departments {
      id
      name
      parent {
        id
      }
    }
  }
`);

const DashboardQuery = graphql(`
  query Dashboard($period: PeriodInput!, $departmentId: ID) {
    analytics(period: $period, departmentId: $departmentId, top: 10) {
      __typename
      ... on UserError {
        message
      }
      ... on Analytics {
        to
        departmentId
        fillRate {
          total {
            published
            filled
            fillRate
            medianDaysToFill
            p90DaysToFill
          }
          byType {
            key
            published
            filled
            fillRate
            medianDaysToFill
          }
          byDepartment {
            key
            label
            published
            filled
            fillRate
          }
        }
        savings {
          total
          hoursWorked
          byMonthAndDepartment {
            month
            departmentName
            savings
            hoursWorked
          }
        }
        utilisation {
          people
          capacityHours
          committedHours
          utilisation
          benchPeople
          benchBySkill {
            skillLabel
            benchPeople
          }
        }
        collaboration(level: 0) {
          engagements
          crossFunctional
          index
          siloRatio
          departmentDensity
          departmentLinks {
            departmentIds
            engagements
          }
          departmentBrokers {
            id
            name
            betweenness
          }
        }
        skillGrowth {
          total {
            newSkills
            proficiencyGained
            aspirationsRealised
            peopleGrown
          }
          byMonth {
            month
            newSkills
            proficiencyGained
            aspirationsRealised
          }
        }
        internalMobility {
          people
          engagedPeople
          mobilePeople
          share
        }
        managers {
          managerName
          reports
          growers
          growthShare
          decisions
          medianDecisionHours
        }
        engagement(level: 0) {
          ...PulseChartFields
        }
        managerSentiment(level: 0) {
          ...PulseChartFields
        }
        champions {
          personId
          name
          departmentName
          points
          goodGigs
          departmentsHelped
          endorsementsGiven
          reasons
        }
        skillRisk {
          departmentName
          skillLabel
          holderIds
          organisationHolders
          openGigs
          aspirantCount
          aspirants {
            name
          }
        }
      }
    }
  }
`);

const PRESETS: [string, number][] = [
  ["Last 90 days", 90],
  ["Last 6 months", 182],
  ["Last 12 months", 365],
  ["Last 18 months", 548],
];
const BLUE = "#0b5fad";
const PURPLE = "#6b2fa3";
const GREEN = "#146c2e";

export default function Dashboard() {
  const [period, setPeriod] = useState<Period>(lastDays(365));
  const [departmentId, setDepartmentId] = useState("");
  const [departments] = useQuery({ query: DashboardDepartments });
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DashboardQuery,
    variables: { period, departmentId: departmentId || null },
  });
  const analytics = data?.analytics.__typename === "Analytics" ? data.analytics : null;
  useScreenReady("dashboard", analytics !== null);
  const allDepartments = departments.data?.departments ?? [];
  const names = new Map(allDepartments.map((d) => [d.id, d.name]));
  const topLevel = allDepartments.filter((d) => !d.parent || !names.has(d.parent.id) || allDepartments.find((p) => p.id === d.parent?.id)?.parent === null);

  return (
    <>
      <h1>Marketplace dashboard</h1>
      <form className="card row" onSubmit={(e) => { e.preventDefault(); }} aria-label="Period and department">
        <div>
          <label htmlFor="from">From</label>
          <input id="from" type="date" value={period.from} max={period.to} onChange={(e) => { if (e.target.value) setPeriod({ ...period, from: e.target.value }); }} />
        </div>
        <div>
          <label htmlFor="to">To</label>
          <input id="to" type="date" value={period.to} min={period.from} onChange={(e) => { if (e.target.value) setPeriod({ ...period, to: e.target.value }); }} />
        </div>
        <div>
          <label htmlFor="preset">Or</label>
          <select id="preset" value="" onChange={(e) => { if (e.target.value) setPeriod(lastDays(Number(e.target.value))); }}>
            <option value="">choose a period…</option>
            {PRESETS.map(([label, days]) => <option key={days} value={days}>{label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="department">Department</label>
          <select id="department" value={departmentId} onChange={(e) => { setDepartmentId(e.target.value); }}>
            <option value="">Whole organisation</option>
            {[...topLevel].sort((a, b) => a.name.localeCompare(b.name)).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </div>
      </form>
      {data?.analytics.__typename !== "Analytics" && data?.analytics && "message" in data.analytics && (
        <p className="field-error" role="alert">{data.analytics.message}</p>
      )}
      <QueryState what="the metrics" fetching={!analytics && fetching} error={error} refetch={refetch} />
      {analytics && <Charts analytics={analytics} names={names} />}
    </>
  );
}

type AnalyticsData = Extract<NonNullable<import("../gql/graphql").DashboardQuery["analytics"]>, { __typename: "Analytics" }>;

function Charts({ analytics: a, names }: { analytics: AnalyticsData; names: Map<string, string> }) {
  const fill = a.fillRate;
  const savingsByMonth = byMonth(a.savings.byMonthAndDepartment, (r) => r.savings);
  const topDepartments = [...fill.byDepartment].sort((x, y) => y.published - x.published).slice(0, 10);
  return (
    <div className="charts">
      <Chart
        id="fill-rate"
        title="Fill rate and time to fill"
        summary={<>{percent(fill.total.fillRate)} of {count(fill.total.published)} gigs filled; median {fill.total.medianDaysToFill === null ? "—" : `${Math.round(fill.total.medianDaysToFill)} days`}, 90% within {fill.total.p90DaysToFill === null ? "—" : `${Math.round(fill.total.p90DaysToFill)} days`}</>}
        columns={["gig type", "published", "filled", "fill rate", "median days to fill"]}
        rows={fill.byType.map((t) => [humanise(t.key ?? ""), t.published, t.filled, Math.round(t.fillRate * 1000) / 1000, t.medianDaysToFill])}
      >
        <Bars
          data={fill.byType.map((t) => ({ type: humanise(t.key ?? ""), rate: Math.round(t.fillRate * 100) }))}
          label="type" value="rate" name="Fill rate (%)" colour={BLUE} share
        />
      </Chart>
      <Chart
        id="fill-by-department"
        title="Fill rate by department"
        summary="The ten departments that published most gigs."
        columns={["department", "published", "filled", "fill rate"]}
        rows={topDepartments.map((d) => [d.label ?? d.key, d.published, d.filled, Math.round(d.fillRate * 1000) / 1000])}
      >
        <Bars
          data={topDepartments.map((d) => ({ name: d.label ?? d.key, rate: Math.round(d.fillRate * 100) }))}
          label="name" value="rate" name="Fill rate (%)" colour={BLUE} share horizontal={130}
        />
      </Chart>
      <Chart
        id="savings"
        title="Savings per month"
        summary={<>{money(a.savings.total)} saved over {hours(a.savings.hoursWorked)} of work done inside</>}
        columns={["month", "department", "hours worked", "savings (EUR)"]}
        rows={a.savings.byMonthAndDepartment.map((r) => [r.month, r.departmentName, r.hoursWorked, Math.round(r.savings)])}
      >
        <Bars
          data={savingsByMonth.map((m) => ({ month: monthLabel(m.month), savings: Math.round(m.value) }))}
          label="month" value="savings" name="Savings (€)" colour={GREEN} format={money}
        />
      </Chart>
      <Chart
        id="utilisation"
        title="Utilisation and the bench"
        summary={<>{percent(a.utilisation.utilisation)} of the {hours(a.utilisation.capacityHours)} offered were used; {count(a.utilisation.benchPeople)} people offered time and had no gig</>}
        columns={["skill", "people on the bench"]}
        rows={a.utilisation.benchBySkill.map((s) => [s.skillLabel, s.benchPeople])}
      >
        <Bars
          data={a.utilisation.benchBySkill.map((s) => ({ skill: s.skillLabel, people: s.benchPeople }))}
          label="skill" value="people" name="People on the bench" colour={PURPLE} horizontal={150}
        />
      </Chart>
      <Chart
        id="collaboration"
        title="Cross-functional collaboration"
        summary={<>{percent(a.collaboration.index)} of {count(a.collaboration.engagements)} engagements crossed functions; silo ratio {a.collaboration.siloRatio.toFixed(2)} (near 1: the silos hold)</>}
        columns={["department", "department", "engagements"]}
        rows={a.collaboration.departmentLinks.map((l) => [names.get(l.departmentIds[0] ?? "") ?? l.departmentIds[0], names.get(l.departmentIds[1] ?? "") ?? l.departmentIds[1], l.engagements])}
      >
        <CollaborationGraph links={a.collaboration.departmentLinks} names={names} brokers={a.collaboration.departmentBrokers.map((b) => b.id)} />
      </Chart>
      <Chart
        id="skill-growth"
        title="Skill growth"
        summary={<>{count(a.skillGrowth.total.peopleGrown)} people grew: {count(a.skillGrowth.total.newSkills)} new skills, {count(a.skillGrowth.total.proficiencyGained)} levels gained, {count(a.skillGrowth.total.aspirationsRealised)} aspirations realised</>}
        columns={["month", "new skills", "levels gained", "aspirations realised"]}
        rows={a.skillGrowth.byMonth.map((m) => [m.month, m.newSkills, m.proficiencyGained, m.aspirationsRealised])}
      >
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={a.skillGrowth.byMonth.map((m) => ({ month: monthLabel(m.month ?? ""), newSkills: m.newSkills, levels: m.proficiencyGained, aspirations: m.aspirationsRealised }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis />
            <Tooltip />
            <Legend />
            <Line dataKey="newSkills" name="New skills" stroke={BLUE} />
            <Line dataKey="levels" name="Levels gained" stroke={GREEN} />
            <Line dataKey="aspirations" name="Aspirations realised" stroke={PURPLE} />
          </LineChart>
        </ResponsiveContainer>
      </Chart>
      <Chart
        id="mobility"
        title="Internal mobility"
        summary={<>{percent(a.internalMobility.share)} of people worked on another department&apos;s gig</>}
        columns={["people", "engaged on a gig", "on another department's gig", "share"]}
        rows={[[a.internalMobility.people, a.internalMobility.engagedPeople, a.internalMobility.mobilePeople, Math.round(a.internalMobility.share * 1000) / 1000]]}
      >
        <Bars
          data={[
            { group: "Everyone", people: a.internalMobility.people },
            { group: "On a gig", people: a.internalMobility.engagedPeople },
            { group: "Another department's gig", people: a.internalMobility.mobilePeople },
          ]}
          label="group" value="people" name="People" colour={BLUE}
        />
      </Chart>
      <Chart
        id="managers"
        title="Managers as catalysts"
        summary="Share of each manager's reports who grew on a gig elsewhere."
        columns={["manager", "reports", "grew elsewhere", "share", "decisions", "median hours to decide"]}
        rows={a.managers.map((m) => [m.managerName, m.reports, m.growers, Math.round(m.growthShare * 1000) / 1000, m.decisions, m.medianDecisionHours === null ? null : Math.round(m.medianDecisionHours)])}
      >
        <Bars
          data={a.managers.map((m) => ({ name: m.managerName, share: Math.round(m.growthShare * 100) }))}
          label="name" value="share" name="Reports grown elsewhere (%)" colour={GREEN} share horizontal={130}
        />
        <CatalystReportDownload latestQuarter={quarterOf(new Date(a.to))} departmentId={a.departmentId ?? null} />
      </Chart>
      <PulseChart id="engagement" title="Engagement on growth and opportunity" periods={a.engagement} />
      <PulseChart id="manager-sentiment" title="Managers' sentiment on sharing talent" periods={a.managerSentiment} />
      <Chart
        id="champions"
        title="Champions"
        summary="People to ask for a story or invite to a launch, and why. Whoever opted out is never listed."
        columns={["name", "department", "points", "well-rated gigs", "departments helped", "endorsements given", "why"]}
        rows={a.champions.map((c) => [c.name, c.departmentName, c.points, c.goodGigs, c.departmentsHelped.join("; "), c.endorsementsGiven, c.reasons.join("; ")])}
      >
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Champions</caption>
            <thead>
              <tr><th scope="col">Person</th><th scope="col">Department</th><th scope="col">Why</th></tr>
            </thead>
            <tbody>
              {a.champions.map((c) => (
                <tr key={c.personId}>
                  <td><Link href={`/people/${c.personId}`}>{c.name}</Link></td>
                  <td>{c.departmentName}</td>
                  <td>{c.reasons.join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Chart>
      <Chart
        id="skill-risk"
        title="Skill risk"
        summary="Skills a department would lose if one or two people left."
        columns={["department", "skill", "holders in the department", "holders in the organisation", "open gigs needing it", "aspirants"]}
        rows={a.skillRisk.map((r) => [r.departmentName, r.skillLabel, r.holderIds.length, r.organisationHolders, r.openGigs, r.aspirantCount])}
      >
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Skill risks</caption>
            <thead>
              <tr><th scope="col">Department</th><th scope="col">Skill</th><th scope="col">Holders</th><th scope="col">Open gigs</th><th scope="col">Could grow it</th></tr>
            </thead>
            <tbody>
              {a.skillRisk.map((r) => (
                <tr key={`${r.departmentName}-${r.skillLabel}`}>
                  <td>{r.departmentName}</td>
                  <td>{r.skillLabel}</td>
                  <td>{r.holderIds.length} here, {r.organisationHolders} overall</td>
                  <td>{r.openGigs}</td>
                  <td>{r.aspirants.map((p) => p.name).join(", ") || "nobody yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Chart>
    </div>
  );
}
