// Numbers and dates the way people read them: rounded, shares as percentages, money with its
// currency, dates relative to now ("in 2 weeks", "3 days ago").

const CURRENCY = "EUR";

export function percent(share: number, digits = 0): string {
  return new Intl.NumberFormat("en-GB", {
    style: "percent",
    maximumFractionDigits: digits,
  }).format(share);
}

export function money(amount: number): string {
  return new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency: CURRENCY,
    maximumFractionDigits: 0,
  }).format(amount);
}

export function count(value: number): string {
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }).format(value);
}

export function hours(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }).format(rounded)} h`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "in 2 weeks", "yesterday", "just now"; a date-only value counts from the start of that day. */
export function relative(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return "—";
  const when = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(when.getTime())) return "—";
  const seconds = (when.getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

export function calendarDate(value: string | null | undefined): string {
  if (!value) return "—";
  const when = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" })
    .format(when);
}

/** "micro_task" / "MICRO_TASK" → "Micro task". */
export function humanise(value: string): string {
  const words = value.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
