import { describe, expect, it } from "vitest";
import { fitWords, skillFit, type AskedSkill } from "./fit";

const sql: AskedSkill = {
  id: "sql",
  minProficiency: 3,
  importance: "REQUIRED",
  neighbours: [{ id: "mysql", label: "MySQL" }],
};

describe("how a person stands to a skill a gig asks for", () => {
  it("has it, at the level asked or below it", () => {
    expect(fitWords(skillFit(sql, [{ id: "sql", proficiency: 4 }], []), 3)).toBe("You have it (level 4)");
    expect(fitWords(skillFit(sql, [{ id: "sql", proficiency: 2 }], []), 3)).toBe(
      "You have it at level 2; the gig asks for 3",
    );
  });

  it("has something close through a neighbouring skill", () => {
    expect(fitWords(skillFit(sql, [{ id: "mysql", proficiency: 3 }], []), 3)).toBe(
      "You have something close: MySQL",
    );
  });

  it("would grow an aspired or learnable skill, and has a gap otherwise", () => {
    expect(skillFit(sql, [], ["sql"])).toEqual({ kind: "grow", aspired: true });
    expect(skillFit({ ...sql, importance: "LEARNABLE" }, [], [])).toEqual({ kind: "grow", aspired: false });
    expect(skillFit(sql, [], [])).toEqual({ kind: "gap" });
  });
});
