import { describe, expect, it } from "vitest";
import { consentState, sideOf, type StoryConsent, toldMessage } from "./story";

const STORY: StoryConsent = {
  helperId: "P1",
  helperName: "Ada",
  ownerId: "P2",
  ownerName: "Grace",
  helperConsent: false,
  ownerConsent: false,
  published: false,
};

describe("a story's consent", () => {
  it("knows the viewer's side, or that they only read it", () => {
    expect(sideOf(STORY, "P1")).toBe("helper");
    expect(sideOf(STORY, "P2")).toBe("owner");
    expect(sideOf(STORY, "P3")).toBeNull();
  });

  it("names who it still waits for, as the viewer reads it", () => {
    expect(consentState(STORY, "P3")).toBe("Not published: waiting for Ada and Grace to agree");
    expect(consentState(STORY, "P1")).toBe("Not published: waiting for you and Grace to agree");
    const helperAgreed = { ...STORY, helperConsent: true };
    expect(consentState(helperAgreed, "P1")).toBe("Not published: waiting for Grace's consent");
    expect(consentState(helperAgreed, "P2")).toBe("Not published: waiting for your consent");
    expect(consentState({ ...helperAgreed, ownerConsent: true, published: true }, "P3")).toBe("Published: both agreed");
  });

  it("says what saving a line did", () => {
    expect(toldMessage({ ...STORY, helperConsent: true }, "P1")).toBe("Saved. The story is published once Grace agrees too.");
    expect(toldMessage({ ...STORY, ownerConsent: true }, "P1")).toBe("Saved. The story stays unpublished while you do not agree.");
    expect(toldMessage({ ...STORY, helperConsent: true, ownerConsent: true, published: true }, "P2")).toBe(
      "Saved. The story is published: you both agreed.",
    );
  });
});
