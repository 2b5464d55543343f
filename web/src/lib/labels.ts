// The words people read for the API's gig vocabularies, in the order forms offer them.
import type { GigType, Importance } from "../gql/graphql";

export const GIG_TYPES: readonly [GigType, string][] = [
  ["PROJECT", "Project"],
  ["MICRO_TASK", "Micro task"],
  ["SECONDMENT", "Secondment"],
  ["MENTORSHIP", "Mentorship"],
];

export const IMPORTANCES: readonly [Importance, string][] = [
  ["REQUIRED", "Required"],
  ["NICE_TO_HAVE", "Nice to have"],
  ["LEARNABLE", "Learnable on the gig"],
];

export const IMPORTANCE_LABELS: ReadonlyMap<Importance, string> = new Map(IMPORTANCES);
