// How a person stands to one skill a gig asks for: "you have it", "you have something close",
// "you would grow" (an aspiration, or a skill the gig lets people learn), or a gap.

export interface HeldSkill {
  id: string;
  proficiency: number;
}

export interface AskedSkill {
  id: string;
  minProficiency: number;
  importance: "REQUIRED" | "NICE_TO_HAVE" | "LEARNABLE";
  /** Skills one taxonomy step away (broader and related), with their labels. */
  neighbours: { id: string; label: string }[];
}

export type Fit =
  | { kind: "have"; proficiency: number; enough: boolean }
  | { kind: "close"; via: string }
  | { kind: "grow"; aspired: boolean }
  | { kind: "gap" };

export function skillFit(asked: AskedSkill, held: HeldSkill[], aspirations: string[]): Fit {
  const own = held.find((s) => s.id === asked.id);
  if (own) return { kind: "have", proficiency: own.proficiency, enough: own.proficiency >= asked.minProficiency };
  const heldIds = new Set(held.map((s) => s.id));
  const near = asked.neighbours.find((n) => heldIds.has(n.id));
  if (near) return { kind: "close", via: near.label };
  const aspired = aspirations.includes(asked.id);
  if (aspired || asked.importance === "LEARNABLE") return { kind: "grow", aspired };
  return { kind: "gap" };
}

export function fitWords(fit: Fit, minProficiency: number): string {
  switch (fit.kind) {
    case "have":
      return fit.enough
        ? `You have it (level ${fit.proficiency})`
        : `You have it at level ${fit.proficiency}; the gig asks for ${minProficiency}`;
    case "close":
      return `You have something close: ${fit.via}`;
    case "grow":
      return fit.aspired ? "You would grow it, as you want to" : "You would grow it";
    case "gap":
      return "New to you";
  }
}
