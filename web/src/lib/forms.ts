/** The text of a form field, trimmed ("" when absent or a file). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** A number field, or null when left empty. */
export function numberOrNull(form: FormData, name: string): number | null {
  const value = text(form, name);
  return value === "" ? null : Number(value);
}
