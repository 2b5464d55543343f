// One dashboard chart: its title, what it shows in words, the chart, and a CSV download of the
// rows the chart draws (columns named as the chart labels them).
import type { ReactNode } from "react";
import { type CsvValue, downloadCsv, toCsv } from "../lib/csv";

export function Chart(props: {
  id: string;
  title: string;
  summary: ReactNode;
  columns: string[];
  rows: CsvValue[][];
  children: ReactNode;
}) {
  return (
    <section className="card chart" aria-labelledby={`chart-${props.id}`}>
      <div className="row-between">
        <h2 id={`chart-${props.id}`} style={{ margin: 0 }}>{props.title}</h2>
        <button
          type="button"
          className="secondary"
          disabled={props.rows.length === 0}
          onClick={() => { downloadCsv(`${props.id}.csv`, toCsv(props.columns, props.rows)); }}
          aria-label={`Download ${props.title} as CSV`}
        >
          CSV
        </button>
      </div>
      <div className="meta">{props.summary}</div>
      {props.rows.length === 0 ? <p>No data for this period.</p> : props.children}
    </section>
  );
}
