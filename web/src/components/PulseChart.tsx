// A pulse survey's results on the dashboard (engagement on growth, managers' sentiment on sharing
// talent): the score and eNPS per quarter, and the latest quarter's groups. Groups are what the
// API returns after its anonymity floor: departments with too few respondents arrive folded into
// their parent, and are named as included.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type FragmentType, graphql, useFragment } from "../gql";
import { count, percent } from "../lib/format";
import { quarterLabel } from "../lib/period";
import { Chart } from "./Chart";

export const PulseChartFields = graphql(`
  fragment PulseChartFields on PulsePeriod {
    period
    total {
      respondents
      invited
      responseRate
      score
      trend
      enps
    }
    groups {
      departmentId
      departmentName
      includes {
        name
      }
      respondents
      invited
      responseRate
      score
      trend
      enps
    }
  }
`);

const BLUE = "#0b5fad";
const PURPLE = "#6b2fa3";

function signed(value: number | null, digits = 1): string {
  if (value === null) return "—";
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(digits)}`;
}

const round = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export function PulseChart(props: { id: string; title: string; periods: readonly FragmentType<typeof PulseChartFields>[] }) {
  const periods = useFragment(PulseChartFields, props.periods);
  const shown = periods.filter((p) => p.total !== null);
  const latest = shown.at(-1);
  const withEnps = shown.some((p) => p.total?.enps !== null && p.total?.enps !== undefined);
  const rows = shown.flatMap((p) => [
    [p.period, "All groups shown", "", p.total?.respondents, p.total?.invited, round(p.total?.responseRate, 3), round(p.total?.score), round(p.total?.trend), round(p.total?.enps, 1)],
    ...p.groups.map((g) => [p.period, g.departmentName, g.includes.map((d) => d.name).join("; "), g.respondents, g.invited, round(g.responseRate, 3), round(g.score), round(g.trend), round(g.enps, 1)]),
  ]);
  return (
    <Chart
      id={props.id}
      title={props.title}
      summary={
        latest?.total ? (
          <>
            {quarterLabel(latest.period)}: {latest.total.score === null ? "—" : latest.total.score.toFixed(1)} of 5 ({signed(latest.total.trend)} on the quarter before){latest.total.enps !== null && <>, eNPS {Math.round(latest.total.enps)}</>}, {count(latest.total.respondents)} answers ({latest.total.responseRate === null ? "—" : percent(latest.total.responseRate)} of those asked). Departments too small to stay anonymous are folded into their parent.
          </>
        ) : (
          "No group reached the anonymity floor in this period."
        )
      }
      columns={["quarter", "group", "includes", "respondents", "invited", "response rate", "score (1-5)", "trend", "eNPS"]}
      rows={rows}
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={shown.map((p) => ({ quarter: quarterLabel(p.period), score: round(p.total?.score), enps: round(p.total?.enps, 0) }))}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis yAxisId="score" domain={[1, 5]} />
          {withEnps && <YAxis yAxisId="enps" orientation="right" domain={[-100, 100]} />}
          <Tooltip />
          <Legend />
          <Line yAxisId="score" dataKey="score" name="Score (1–5)" stroke={BLUE} />
          {withEnps && <Line yAxisId="enps" dataKey="enps" name="eNPS" stroke={PURPLE} strokeDasharray="4 3" />}
        </LineChart>
      </ResponsiveContainer>
      {latest && latest.groups.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{quarterLabel(latest.period)} by department</caption>
            <thead>
              <tr><th scope="col">Department</th><th scope="col">Answers</th><th scope="col">Score</th><th scope="col">Trend</th>{withEnps && <th scope="col">eNPS</th>}</tr>
            </thead>
            <tbody>
              {latest.groups.map((g) => (
                <tr key={g.departmentId}>
                  <td>{g.departmentName}{g.includes.length > 0 && <span className="meta"> (with {g.includes.map((d) => d.name).join(", ")})</span>}</td>
                  <td>{count(g.respondents)}{g.responseRate !== null && <> ({percent(g.responseRate)})</>}</td>
                  <td>{g.score === null ? "—" : g.score.toFixed(1)}</td>
                  <td>{signed(g.trend)}</td>
                  {withEnps && <td>{g.enps === null ? "—" : Math.round(g.enps)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Chart>
  );
}
