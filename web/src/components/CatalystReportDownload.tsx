// HR's download of the quarterly catalyst report (every manager of the dashboard's department:
// reports who grew on gigs elsewhere, approvals and how fast, the team's engagement when large
// enough to stay anonymous) as CSV for performance goals, from /exports/surveys/catalyst-report.csv.
import { useState } from "react";
import { authorizationHeader } from "../auth/session";
import { downloadCsv } from "../lib/csv";
import { quarterLabel, quartersUpTo } from "../lib/period";

async function failureMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] };
    return body.errors?.[0]?.message ?? `the download failed (${String(response.status)})`;
  } catch {
    return `the download failed (${String(response.status)})`;
  }
}

export function CatalystReportDownload(props: { latestQuarter: string; departmentId: string | null }) {
  const [quarter, setQuarter] = useState(props.latestQuarter);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setFailure(null);
    const query = new URLSearchParams({ quarter });
    if (props.departmentId) query.set("departmentId", props.departmentId);
    try {
      const response = await fetch(`/exports/surveys/catalyst-report.csv?${query.toString()}`, {
        headers: authorizationHeader(),
      });
      if (response.ok) downloadCsv(`catalyst-report-${quarter}.csv`, await response.text());
      else setFailure(await failureMessage(response));
    } catch {
      setFailure("the download failed: the service did not answer");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="row"
      aria-label="Catalyst report"
      onSubmit={(e) => {
        e.preventDefault();
        void download();
      }}
    >
      <div>
        <label htmlFor="catalyst-quarter">Catalyst report for</label>
        <select id="catalyst-quarter" value={quarter} onChange={(e) => { setQuarter(e.target.value); }}>
          {quartersUpTo(props.latestQuarter, 4).map((q) => <option key={q} value={q}>{quarterLabel(q)}</option>)}
        </select>
      </div>
      <button type="submit" className="secondary" disabled={busy}>
        Download catalyst report (CSV)
      </button>
      {failure && <p className="field-error" role="alert">{failure}</p>}
    </form>
  );
}
