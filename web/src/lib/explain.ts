// A match's reasons in plain words: "uses your SQL; grows Python, which you want to learn".

export interface ReasonWords {
  skill: string;
  how: "DIRECT" | "ADJACENT" | "ASPIRATION";
  via?: string | null;
  met: boolean;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}

/** Why a gig suits the viewer, in one sentence; `growth` are the skills it grows. */
export function whyForYou(reasons: ReasonWords[], growth: string[]): string {
  const direct = reasons.filter((r) => r.how === "DIRECT").map((r) => r.skill);
  const adjacent = reasons
    .filter((r) => r.how === "ADJACENT")
    .map((r) => (r.via ? `${r.via} (close to ${r.skill})` : r.skill));
  const parts: string[] = [];
  if (direct.length) parts.push(`uses your ${list(direct)}`);
  if (adjacent.length) parts.push(`builds on your ${list(adjacent)}`);
  if (growth.length) {
    parts.push(`grows ${list(growth)}, which you want to learn`);
  }
  const text = parts.join("; ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "A fit for your profile";
}

/** A candidate's reason for one requirement, seen by the gig's owner. */
export function howMet(reason: ReasonWords & { proficiency?: number | null; evidenced: boolean }): string {
  const evidence = reason.evidenced ? "evidenced" : "claimed";
  switch (reason.how) {
    case "DIRECT":
      return `Has it at level ${reason.proficiency ?? "?"} (${evidence})`;
    case "ADJACENT":
      return `Has ${reason.via ?? "a close skill"} at level ${reason.proficiency ?? "?"} (${evidence}), close to it`;
    case "ASPIRATION":
      return "Wants to learn it";
  }
}
