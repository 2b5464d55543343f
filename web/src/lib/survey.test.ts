import { describe, expect, it } from "vitest";
import { choices, surveyAnswer, type Question } from "./survey";

const QUESTIONS: Question[] = [
  { id: "grows", kind: "SCALE", active: true },
  { id: "recommend", kind: "NPS", active: true },
  { id: "retired", kind: "SCALE", active: false },
  { id: "comment", kind: "COMMENT", active: true },
];

describe("pulse survey answers", () => {
  it("offers 1 to 5 on a scale and 0 to 10 to recommend", () => {
    expect(choices("SCALE")).toEqual([1, 2, 3, 4, 5]);
    expect(choices("NPS")).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(choices("COMMENT")).toEqual([]);
  });

  it("names the current questions still to rate, never the comment or a retired one", () => {
    expect(surveyAnswer(QUESTIONS, {}, "")).toEqual({ missing: ["grows", "recommend"] });
    expect(surveyAnswer(QUESTIONS, { grows: 4 }, "")).toEqual({ missing: ["recommend"] });
  });

  it("sends every rating (0 included) and a trimmed comment, or none", () => {
    expect(surveyAnswer(QUESTIONS, { grows: 4, recommend: 0 }, "  More gigs  ")).toEqual({
      answers: [
        { questionId: "grows", value: 4 },
        { questionId: "recommend", value: 0 },
      ],
      comment: "More gigs",
    });
    expect(surveyAnswer(QUESTIONS, { grows: 1, recommend: 10 }, "   ")).toMatchObject({ comment: null });
  });
});
