// A pulse survey's answer as the API takes it: every scale (1–5) and recommend (0–10) question
// rated once, the comment optional; or the questions still to rate.

export type QuestionKind = "SCALE" | "NPS" | "COMMENT";

export interface Question {
  id: string;
  kind: QuestionKind;
  active: boolean;
}

export interface SurveyAnswer {
  answers: { questionId: string; value: number }[];
  comment: string | null;
}

/** The values a question offers, lowest first. */
export function choices(kind: QuestionKind): number[] {
  if (kind === "SCALE") return [1, 2, 3, 4, 5];
  if (kind === "NPS") return Array.from({ length: 11 }, (_, i) => i);
  return [];
}

/** The answer to send, or the ids of the rated questions not answered yet. */
export function surveyAnswer(
  questions: Question[],
  values: Record<string, number | undefined>,
  comment: string,
): SurveyAnswer | { missing: string[] } {
  const rated = questions.filter((q) => q.active && q.kind !== "COMMENT");
  const missing = rated.filter((q) => values[q.id] === undefined).map((q) => q.id);
  if (missing.length > 0) return { missing };
  return {
    answers: rated.map((q) => ({ questionId: q.id, value: values[q.id] ?? 0 })),
    comment: comment.trim() || null,
  };
}
