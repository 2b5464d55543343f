// Endorsing a colleague: a skill they showed on a gig both of you completed, with an optional
// word on what you saw. Only colleagues of that gig may (the API checks it too).
import { type SubmitEvent, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { failureOf, type Failure } from "../lib/outcome";

const Endorse = graphql(`
  mutation EndorseSkill($input: EndorseSkillInput!) {
    endorseSkill(input: $input) {
      result {
        __typename
        ... on Endorsement {
          skill {
            label
          }
        }
        ...UserErrorFields
      }
    }
  }
`);

export function EndorseForm(props: {
  person: { id: string; name: string };
  gigs: { id: string; title: string }[];
  skills: { id: string; label: string }[];
  onEndorsed: (message: string) => void;
}) {
  const [gigId, setGigId] = useState(props.gigs[0]?.id ?? "");
  const [skillId, setSkillId] = useState("");
  const [comment, setComment] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sending, endorse] = useMutation(Endorse);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    if (!skillId) {
      setFailure({ message: "Choose the skill you saw.", field: "skillId" });
      return;
    }
    const response = await endorse({
      input: { gigId, personId: props.person.id, skillId, comment: comment.trim() || null },
    });
    const result = response.data?.endorseSkill.result;
    const problem = failureOf(response, result, "Endorsement");
    if (problem) setFailure(problem);
    else if (result?.__typename === "Endorsement") {
      setSkillId("");
      setComment("");
      const gig = props.gigs.find((g) => g.id === gigId)?.title ?? "your gig";
      props.onEndorsed(`You endorsed ${props.person.name}'s ${result.skill.label} on “${gig}”.`);
    }
  }

  return (
    <form className="card" aria-labelledby="endorse" onSubmit={(event) => void submit(event)}>
      <h2 id="endorse">Endorse a skill you saw</h2>
      <label htmlFor="endorse-gig">On the gig</label>
      <select id="endorse-gig" value={gigId} onChange={(e) => { setGigId(e.target.value); }}>
        {props.gigs.map((g) => <option key={g.id} value={g.id}>{g.title}</option>)}
      </select>
      <label htmlFor="endorse-skill">Skill</label>
      <select
        id="endorse-skill"
        value={skillId}
        onChange={(e) => { setSkillId(e.target.value); }}
        aria-invalid={failure?.field === "skillId" ? true : undefined}
        aria-describedby={failure?.field === "skillId" ? "endorse-error" : undefined}
      >
        <option value="">choose a skill…</option>
        {props.skills.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
      </select>
      <label htmlFor="endorse-comment">What you saw <span className="hint">(optional)</span></label>
      <textarea id="endorse-comment" rows={2} value={comment} onChange={(e) => { setComment(e.target.value); }} />
      <div aria-live="polite">
        {failure && <p className="field-error" id="endorse-error" role="alert">{failure.message}</p>}
      </div>
      <button type="submit" disabled={sending.fetching}>Endorse {props.person.name}</button>
    </form>
  );
}
