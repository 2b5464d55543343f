// How complete a profile is, and the next thing to add: what the For-you nudge shows.

export interface ProfileFacts {
  title: string;
  location: string;
  skills: number;
  validatedSkills: number;
  aspirations: number;
  gigCapacityPct: number;
}

const STEPS: [keyof ProfileFacts, (facts: ProfileFacts) => boolean, string][] = [
  ["title", (f) => f.title.trim() !== "", "Add your job title"],
  ["location", (f) => f.location.trim() !== "", "Say where you work from"],
  ["skills", (f) => f.skills >= 5, "List at least five skills you have"],
  ["aspirations", (f) => f.aspirations >= 1, "Name a skill you want to grow"],
  ["gigCapacityPct", (f) => f.gigCapacityPct > 0, "Offer some of your week to gigs"],
];

export function completeness(facts: ProfileFacts): { share: number; next: string[] } {
  const missing = STEPS.filter(([, done]) => !done(facts)).map(([, , advice]) => advice);
  return { share: (STEPS.length - missing.length) / STEPS.length, next: missing };
}
