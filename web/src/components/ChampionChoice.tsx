// Whether HR may list the viewer among the champions they ask for a story or invite to a launch:
// the choice as stored, and one button to change it.
import { useState } from "react";
import { useMutation } from "urql";
import { type FragmentType, graphql, useFragment } from "../gql";
import { failureOf, type Failure } from "../lib/outcome";

export const ChampionChoiceFields = graphql(`
  fragment ChampionChoiceFields on ChampionPreference {
    optOut
  }
`);

const SetChampionOptOut = graphql(`
  mutation SetChampionOptOut($optOut: Boolean!) {
    setChampionOptOut(input: { optOut: $optOut }) {
      result {
        __typename
        ... on ChampionPreference {
          optOut
        }
        ...UserErrorFields
      }
    }
  }
`);

export function ChampionChoice(props: { preference: FragmentType<typeof ChampionChoiceFields> }) {
  const stored = useFragment(ChampionChoiceFields, props.preference);
  const [{ fetching }, choose] = useMutation(SetChampionOptOut);
  const [optOut, setOptOut] = useState(stored.optOut);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function change() {
    setFailure(null);
    const response = await choose({ optOut: !optOut });
    const result = response.data?.setChampionOptOut.result;
    const problem = failureOf(response, result, "ChampionPreference");
    if (problem) setFailure(problem);
    else if (result?.__typename === "ChampionPreference") setOptOut(result.optOut);
  }

  return (
    <section className="card" aria-labelledby="champion">
      <h2 id="champion">Champions list</h2>
      <p className="hint">
        HR asks champions, people whose gigs went well across departments, for a story or to a launch.
      </p>
      <p role="status">
        <span className={`tag ${optOut ? "tag-warn" : "tag-good"}`}>
          {optOut ? "You opted out: HR never lists you as a champion." : "HR may list you as a champion."}
        </span>
      </p>
      {failure && <p className="field-error" role="alert">{failure.message}</p>}
      <button type="button" className="secondary" disabled={fetching} onClick={() => void change()}>
        {optOut ? "List me again" : "Opt out of the champions list"}
      </button>
    </section>
  );
}
