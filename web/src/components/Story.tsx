// A success story told with consent: what was done, for whom, the hours and the savings, each
// side's line in their own words, never a rating; where its consent stands; and, for the helper
// and the gig's owner, the form to write their line and give or withdraw their consent.
import { type SubmitEvent, useState } from "react";
import { useMutation } from "urql";
import { Link } from "wouter";
import { type FragmentType, graphql, useFragment } from "../gql";
import { hours, money, relative } from "../lib/format";
import { text } from "../lib/forms";
import { failureOf, type Failure } from "../lib/outcome";
import { consentState, sideOf, toldMessage } from "../lib/story";
import { useViewer } from "../viewer";

export const StoryFields = graphql(`
  fragment StoryFields on Story {
    id
    engagementId
    gigId
    gigTitle
    helperId
    helperName
    helperDepartment
    ownerId
    ownerName
    gigDepartment
    hoursWorked
    estimatedSavings
    helperLine
    ownerLine
    helperConsent
    ownerConsent
    published
    publishedAt
    completedAt
  }
`);

const TellStory = graphql(`
  mutation TellStory($input: TellStoryInput!) {
    tellStory(input: $input) {
      result {
        __typename
        ... on Story {
          id
          helperId
          helperName
          ownerId
          ownerName
          helperConsent
          ownerConsent
          published
        }
        ...UserErrorFields
      }
    }
  }
`);

const LONGEST_LINE = 500;

/** The viewer's line of a completed gig's story and their consent to publish it. */
export function TellStoryForm(props: {
  engagementId: string;
  title: string;
  line: string | null;
  consent: boolean;
  other: string;
  onTold: (message: string) => void;
}) {
  const viewer = useViewer();
  const [{ fetching }, tell] = useMutation(TellStory);
  const [failure, setFailure] = useState<Failure | null>(null);
  const id = `story-line-${props.engagementId}`;

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const consent = event.submitter?.getAttribute("value") === "consent" ? !props.consent : props.consent;
    setFailure(null);
    const response = await tell({
      input: { engagementId: props.engagementId, line: text(new FormData(event.currentTarget), "line"), consent },
    });
    const result = response.data?.tellStory.result;
    const problem = failureOf(response, result, "Story");
    if (problem) setFailure(problem);
    else if (result?.__typename === "Story") props.onTold(toldMessage(result, viewer.id));
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={`Your line of the story of “${props.title}”`}>
      <label htmlFor={id}>Your line, in your own words</label>
      <textarea
        id={id}
        name="line"
        rows={2}
        maxLength={LONGEST_LINE}
        defaultValue={props.line ?? ""}
        aria-describedby={`${id}-hint`}
        aria-invalid={failure ? true : undefined}
      />
      <p className="hint" id={`${id}-hint`}>
        Published only while you and {props.other} both agree; until then only the two of you, your
        managers and HR read it.
      </p>
      {failure && <p className="field-error" role="alert">{failure.message}</p>}
      <p className="row">
        <button type="submit" value="consent" disabled={fetching}>
          {props.consent ? "Withdraw my consent" : "Save and agree to publish"}
        </button>
        <button type="submit" value="line" className="secondary" disabled={fetching}>
          Save my line
        </button>
      </p>
    </form>
  );
}

function Line({ line, name }: { line: string | null; name: string }) {
  if (!line) return null;
  return (
    <blockquote>
      “{line}” <small>— {name}</small>
    </blockquote>
  );
}

/** One story; the helper and the owner also get their form, when `onTold` is given. */
export function StoryCard(props: { story: FragmentType<typeof StoryFields>; onTold?: (message: string) => void }) {
  const story = useFragment(StoryFields, props.story);
  const viewer = useViewer();
  const side = sideOf(story, viewer.id);
  const heading = `story-${story.engagementId}`;
  return (
    <article className="card" aria-labelledby={heading}>
      <h3 id={heading} style={{ marginTop: 0 }}>
        <Link href={`/gigs/${story.gigId}`}>{story.gigTitle}</Link>
      </h3>
      <p>
        <strong>{story.helperName}</strong>
        {story.helperDepartment && <> from {story.helperDepartment}</>} helped{" "}
        {story.gigDepartment ?? "another team"} ({story.ownerName}).
      </p>
      <p className="meta">
        {hours(story.hoursWorked)} · saved {money(story.estimatedSavings)} · completed {relative(story.completedAt)}
      </p>
      <Line line={story.helperLine} name={story.helperName} />
      <Line line={story.ownerLine} name={story.ownerName} />
      <p>
        <span className={`tag ${story.published ? "tag-good" : "tag-warn"}`}>{consentState(story, viewer.id)}</span>
      </p>
      {side && props.onTold && (
        <TellStoryForm
          engagementId={story.engagementId}
          title={story.gigTitle}
          line={side === "helper" ? story.helperLine : story.ownerLine}
          consent={side === "helper" ? story.helperConsent : story.ownerConsent}
          other={side === "helper" ? story.ownerName : story.helperName}
          onTold={props.onTold}
        />
      )}
    </article>
  );
}
