// Dashboard periods: whole days in UTC, both ends included.

export interface Period {
  from: string;
  to: string;
}

export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The `days` days that end today. */
export function lastDays(days: number, today: Date = new Date()): Period {
  const from = new Date(today);
  from.setUTCDate(from.getUTCDate() - (days - 1));
  return { from: isoDay(from), to: isoDay(today) };
}

/** "2026-03-01" → "Mar 2026". */
export function monthLabel(month: string): string {
  const [year, number] = month.split("-");
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${names[Number(number) - 1] ?? "?"} ${year ?? ""}`;
}

/** Savings rows (month × department) summed per month, months in order. */
export function byMonth<T extends { month: string }>(rows: T[], value: (row: T) => number): { month: string; value: number }[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.month, (sums.get(row.month) ?? 0) + value(row));
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, total]) => ({ month, value: total }));
}

/** The quarter a day falls in, such as "2026-Q4" (UTC). */
export function quarterOf(day: Date): string {
  return `${String(day.getUTCFullYear())}-Q${String(Math.floor(day.getUTCMonth() / 3) + 1)}`;
}

/** The quarter before "2026-Q1" is "2025-Q4". */
export function previousQuarter(quarter: string): string {
  const [year, number] = quarter.split("-Q").map(Number);
  if (year === undefined || number === undefined) throw new Error(`not a quarter: ${quarter}`);
  return number === 1 ? `${String(year - 1)}-Q4` : `${String(year)}-Q${String(number - 1)}`;
}

/** `quarter` and the `count - 1` quarters before it, latest first. */
export function quartersUpTo(quarter: string, count: number): string[] {
  const quarters = [quarter];
  let at = quarter;
  while (quarters.length < count) {
    at = previousQuarter(at);
    quarters.push(at);
  }
  return quarters;
}

/** "2026-Q4" → "Oct–Dec 2026". */
export function quarterLabel(quarter: string): string {
  const [year, number] = quarter.split("-Q");
  const names = ["Jan–Mar", "Apr–Jun", "Jul–Sep", "Oct–Dec"];
  return `${names[Number(number) - 1] ?? quarter} ${year ?? ""}`;
}
