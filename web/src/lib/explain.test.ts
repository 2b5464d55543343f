import { describe, expect, it } from "vitest";
import { howMet, whyForYou } from "./explain";

describe("why a gig is recommended", () => {
  it("names the skills used and the skills grown in one sentence", () => {
    const text = whyForYou(
      [
        { skill: "SQL", how: "DIRECT", met: true },
        { skill: "Python", how: "ASPIRATION", met: false },
      ],
      ["Python"],
    );
    expect(text).toBe("Uses your SQL; grows Python, which you want to learn");
  });

  it("says which of the person's skills is close to a requirement", () => {
    const text = whyForYou(
      [
        { skill: "Tableau", how: "DIRECT", met: true },
        { skill: "Power BI", how: "ADJACENT", via: "Qlik", met: true },
        { skill: "Excel", how: "DIRECT", met: true },
      ],
      [],
    );
    expect(text).toBe("Uses your Tableau and Excel; builds on your Qlik (close to Power BI)");
  });
});

describe("how a candidate meets a requirement", () => {
  it("tells evidenced from claimed levels", () => {
    expect(howMet({ skill: "SQL", how: "DIRECT", met: true, proficiency: 4, evidenced: true })).toBe(
      "Has it at level 4 (evidenced)",
    );
    expect(
      howMet({ skill: "SQL", how: "ADJACENT", via: "MySQL", met: true, proficiency: 3, evidenced: false }),
    ).toBe("Has MySQL at level 3 (claimed), close to it");
  });
});
