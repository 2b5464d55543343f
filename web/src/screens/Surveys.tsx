// Pulse surveys: the short surveys due to the viewer now (after a gig, or this quarter's round),
// each answered once; what happens to the answers, in words.
import { useState } from "react";
import { useQuery } from "urql";
import { Empty, QueryState } from "../components/States";
import { SurveyForm } from "../components/SurveyForm";
import { graphql } from "../gql";
import { useScreenReady } from "../lib/ready";

const SurveysQuery = graphql(`
  query DueSurveys {
    dueSurveys {
      subject
      survey {
        id
      }
      ...SurveyFormFields
    }
  }
`);

export default function Surveys() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: SurveysQuery });
  const [thanks, setThanks] = useState<string | null>(null);
  useScreenReady("surveys", data !== undefined);
  const due = data?.dueSurveys ?? [];
  return (
    <>
      <h1>Surveys</h1>
      <p className="hint">
        A few questions, a minute each. Your answers are counted without your name: results are shown only for
        groups large enough that nobody can tell who answered what.
      </p>
      <div aria-live="polite">{thanks && <p className="success" role="status">{thanks}</p>}</div>
      <QueryState what="your surveys" fetching={!data && fetching} error={error} refetch={refetch} />
      {data && due.length === 0 && <Empty><p>No survey waits for you. Thank you for the answers you gave.</p></Empty>}
      <div className="stack">
        {due.map((d) => (
          <SurveyForm
            key={`${d.survey.id}/${d.subject}`}
            due={d}
            onAnswered={(title) => {
              setThanks(`Thank you: your answers to “${title}” are counted, without your name.`);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        ))}
      </div>
    </>
  );
}
