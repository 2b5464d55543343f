// A bar chart of one value per row: columns under their labels, or, `horizontal`, bars beside
// labels on the left, tall enough for each label on two lines. Shares are drawn 0–100 %.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** A horizontal bar chart tall enough for each bar's label on two lines. */
const barsHeight = (bars: number) => Math.max(160, 50 + 40 * bars);

export function Bars(props: {
  data: Record<string, string | number | null>[];
  label: string;
  value: string;
  name: string;
  colour: string;
  /** the width of the labels beside horizontal bars */
  horizontal?: number;
  share?: boolean;
  format?: (value: number) => string;
}) {
  const scale = props.share ? { unit: "%", domain: [0, 100] } : {};
  const { format } = props;
  return (
    <ResponsiveContainer width="100%" height={props.horizontal ? barsHeight(props.data.length) : 220}>
      <BarChart layout={props.horizontal ? "vertical" : "horizontal"} data={props.data} margin={props.horizontal ? { left: 40 } : undefined}>
        <CartesianGrid strokeDasharray="3 3" />
        {props.horizontal ? <XAxis type="number" {...scale} /> : <XAxis dataKey={props.label} />}
        {props.horizontal ? (
          <YAxis type="category" dataKey={props.label} width={props.horizontal} interval={0} />
        ) : (
          <YAxis {...scale} />
        )}
        <Tooltip formatter={format ? (value) => format(Number(value)) : undefined} />
        <Bar dataKey={props.value} name={props.name} fill={props.colour} />
      </BarChart>
    </ResponsiveContainer>
  );
}
