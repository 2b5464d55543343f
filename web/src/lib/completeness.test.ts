import { describe, expect, it } from "vitest";
import { completeness } from "./completeness";

describe("profile completeness", () => {
  it("is whole for a profile with title, place, skills, an aspiration and capacity", () => {
    const result = completeness({
      title: "Analyst", location: "Leeds", skills: 6, validatedSkills: 2, aspirations: 1,
      gigCapacityPct: 20,
    });
    expect(result).toEqual({ share: 1, next: [] });
  });

  it("says what to add next, in order", () => {
    const result = completeness({
      title: "Analyst", location: "", skills: 2, validatedSkills: 0, aspirations: 0,
      gigCapacityPct: 20,
    });
    expect(result.share).toBeCloseTo(0.4);
    expect(result.next).toEqual([
      "Say where you work from",
      "List at least five skills you have",
      "Name a skill you want to grow",
    ]);
  });
});
