// One pulse survey due to the viewer: each question rated with radio buttons (1–5, or 0–10 for
// "would you recommend"), an optional comment, sent once. The answer is counted without the name.
import { useState } from "react";
import { useMutation } from "urql";
import { type FragmentType, graphql, useFragment } from "../gql";
import { calendarDate, relative } from "../lib/format";
import { failureOf, type Failure } from "../lib/outcome";
import { quarterLabel } from "../lib/period";
import { choices, surveyAnswer } from "../lib/survey";

export const SurveyFormFields = graphql(`
  fragment SurveyFormFields on DueSurvey {
    subject
    period
    closesAt
    gigTitle
    survey {
      id
      title
      questions {
        id
        text
        kind
        active
      }
    }
  }
`);

const Answer = graphql(`
  mutation AnswerSurvey($input: AnswerSurveyInput!) {
    answerSurvey(input: $input) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const ANCHORS = {
  SCALE: "1 not at all · 5 completely",
  NPS: "0 not at all likely · 10 extremely likely",
  COMMENT: "",
};

export function SurveyForm(props: { due: FragmentType<typeof SurveyFormFields>; onAnswered: (title: string) => void }) {
  const due = useFragment(SurveyFormFields, props.due);
  const [values, setValues] = useState<Record<string, number | undefined>>({});
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState<string[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sending, send] = useMutation(Answer);
  const questions = due.survey.questions.filter((q) => q.active);
  const key = `${due.survey.id}-${due.subject}`.replace(/[^A-Za-z0-9_-]/g, "-");

  async function submit() {
    setFailure(null);
    const answer = surveyAnswer(questions, values, comment);
    if ("missing" in answer) {
      setMissing(answer.missing);
      return;
    }
    setMissing([]);
    const response = await send({ input: { surveyId: due.survey.id, subject: due.subject, ...answer } });
    const problem = failureOf(response, response.data?.answerSurvey.result, "DueSurvey");
    if (problem) setFailure(problem);
    else props.onAnswered(due.survey.title);
  }

  return (
    <form
      className="card survey"
      aria-labelledby={`survey-${key}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`survey-${key}`}>{due.survey.title}</h2>
      <p className="meta">
        {due.gigTitle ? <>About “{due.gigTitle}” · </> : <>{quarterLabel(due.period)} · </>}
        open until {calendarDate(due.closesAt)} ({relative(due.closesAt)})
      </p>
      {questions.map((q) =>
        q.kind === "COMMENT" ? (
          <div key={q.id}>
            <label htmlFor={`${key}-${q.id}`}>{q.text} <span className="hint">(optional)</span></label>
            <textarea
              id={`${key}-${q.id}`}
              rows={2}
              value={comment}
              aria-describedby={`${key}-${q.id}-hint`}
              onChange={(e) => { setComment(e.target.value); }}
            />
            <p className="hint" id={`${key}-${q.id}-hint`}>
              HR reads comments only among a group too large to tell who wrote what, never with your name.
            </p>
          </div>
        ) : (
          <fieldset key={q.id} aria-describedby={`${key}-${q.id}-anchors`} aria-invalid={missing.includes(q.id) ? true : undefined}>
            <legend>{q.text}</legend>
            <p className="hint" id={`${key}-${q.id}-anchors`}>{ANCHORS[q.kind]}</p>
            <div className="scale">
              {choices(q.kind).map((value) => (
                <label key={value} className="scale-choice">
                  <input
                    type="radio"
                    name={`${key}-${q.id}`}
                    value={value}
                    checked={values[q.id] === value}
                    onChange={() => { setValues({ ...values, [q.id]: value }); }}
                  />
                  {value}
                </label>
              ))}
            </div>
            {missing.includes(q.id) && <p className="field-error">Choose an answer to this question.</p>}
          </fieldset>
        ),
      )}
      <div aria-live="polite">
        {failure && <p className="field-error" role="alert">{failure.message}</p>}
      </div>
      <button type="submit" disabled={sending.fetching}>Send my answers</button>
    </form>
  );
}
