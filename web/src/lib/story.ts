// Where a success story stands, in words: who tells it (the helper or the gig's owner), who has
// agreed to publish it, and what saving a line with or without consent did.

export type Side = "helper" | "owner";

export interface StoryConsent {
  helperId: string;
  helperName: string;
  ownerId: string;
  ownerName: string;
  helperConsent: boolean;
  ownerConsent: boolean;
  published: boolean;
}

/** The viewer's side of the story, or null when they only read it. */
export function sideOf(story: Pick<StoryConsent, "helperId" | "ownerId">, viewerId: string): Side | null {
  if (story.helperId === viewerId) return "helper";
  if (story.ownerId === viewerId) return "owner";
  return null;
}

function who(story: StoryConsent, side: Side, viewerId: string): string {
  if (sideOf(story, viewerId) === side) return "you";
  return side === "helper" ? story.helperName : story.ownerName;
}

/** "Published", or who the story still waits for. */
export function consentState(story: StoryConsent, viewerId: string): string {
  if (story.published) return "Published: both agreed";
  const waiting = (["helper", "owner"] as const).filter((side) =>
    side === "helper" ? !story.helperConsent : !story.ownerConsent,
  );
  const names = waiting.map((side) => who(story, side, viewerId));
  if (names.length === 2) return `Not published: waiting for ${names[0] ?? ""} and ${names[1] ?? ""} to agree`;
  const [name] = names;
  return `Not published: waiting for ${name === "you" ? "your" : `${name ?? ""}'s`} consent`;
}

/** What saving the viewer's line (and consent) did, as the story now stands. */
export function toldMessage(story: StoryConsent, viewerId: string): string {
  const side = sideOf(story, viewerId);
  const mine = side === "helper" ? story.helperConsent : story.ownerConsent;
  const other = side === "helper" ? story.ownerName : story.helperName;
  if (story.published) return "Saved. The story is published: you both agreed.";
  if (mine) return `Saved. The story is published once ${other} agrees too.`;
  return "Saved. The story stays unpublished while you do not agree.";
}
