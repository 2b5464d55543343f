// Post a gig: the form with skill typeahead and importance, hours, duration, seats, start date;
// save a draft or publish at once; each validation error shows next to its field.
import { type SubmitEvent, useState } from "react";
import { useMutation, useQuery } from "urql";
import { useLocation } from "wouter";
import { type PickedSkill, SkillTypeahead } from "../components/SkillTypeahead";
import { QueryState } from "../components/States";
import { graphql } from "../gql";
import type { GigType, Importance } from "../gql/graphql";
import { numberOrNull, text } from "../lib/forms";
import { failureOf, type Failure } from "../lib/outcome";
import { GIG_TYPES, IMPORTANCES } from "../lib/labels";
import { useScreenReady } from "../lib/ready";
import { useViewer } from "../viewer";

const PostGigQuery = graphql(`
  query PostGig {
    viewer {
      postableDepartments {
        id
        name
      }
    }
  }
`);

const CreateGig = graphql(`
  mutation CreateGig($input: CreateGigInput!) {
    createGig(input: $input) {
      result {
        __typename
        ... on Gig {
          id
          status
        }
        ...UserErrorFields
      }
    }
  }
`);

const PublishNew = graphql(`
  mutation PublishNewGig($id: ID!) {
    publishGig(input: { id: $id }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);


interface SkillRow extends PickedSkill {
  importance: Importance;
  minProficiency: number;
}

function FieldError({ failure, field }: { failure: Failure | null; field: string }) {
  if (!failure?.field || !(failure.field === field || failure.field.endsWith(`.${field}`) || failure.field.startsWith(`${field}.`))) {
    return null;
  }
  return (
    <p className="field-error" id={`${field}-error`}>
      {failure.message}
    </p>
  );
}

export default function PostGig() {
  const viewer = useViewer();
  const [, navigate] = useLocation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PostGigQuery });
  const [creating, create] = useMutation(CreateGig);
  const [, publish] = useMutation(PublishNew);
  const [skills, setSkills] = useState<SkillRow[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  useScreenReady("post", data !== undefined);

  if (!data) return <QueryState title="Post a gig" what="the form" fetching={fetching} error={error} refetch={refetch} />;

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = event.nativeEvent.submitter;
    const andPublish = submitter instanceof HTMLButtonElement && submitter.value === "publish";
    const data = new FormData(event.currentTarget);
    const field = (name: string) => text(data, name);
    const number = (name: string) => numberOrNull(data, name);
    setFailure(null);
    const response = await create({
      input: {
        title: field("title"),
        description: field("description"),
        type: field("type") as GigType,
        departmentId: field("departmentId"),
        hoursPerWeek: number("hoursPerWeek"),
        durationWeeks: number("durationWeeks"),
        seats: number("seats"),
        startDate: field("startDate") || null,
        externalHourlyRate: number("externalHourlyRate"),
        location: field("location") || null,
        remote: data.get("remote") === "on",
        applicationDeadline: field("applicationDeadline") || null,
        skills: skills.map((s) => ({ skillId: s.id, importance: s.importance, minProficiency: s.minProficiency })),
      },
    });
    const result = response.data?.createGig.result;
    const problem = failureOf(response, result, "Gig");
    if (problem || result?.__typename !== "Gig") {
      setFailure(problem);
      return;
    }
    if (andPublish) {
      const published = await publish({ id: result.id });
      const publishProblem = failureOf(published, published.data?.publishGig.result, "Gig");
      if (publishProblem) {
        setFailure({ ...publishProblem, message: `Saved as a draft, not published: ${publishProblem.message}` });
        return;
      }
    }
    navigate(`/gigs/${result.id}`);
  }

  const departments = data.viewer.postableDepartments;
  const invalid = (field: string) =>
    failure?.field?.endsWith(field) ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {};

  return (
    <>
      <h1>Post a gig</h1>
      <p className="hint">Matching is cross-functional: people of the gig&apos;s own department are not suggested.</p>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        {failure && !failure.field && <p className="field-error" role="alert">{failure.message}</p>}
        {failure?.field && <p className="field-error" role="alert">Please fix the field marked below.</p>}
        <label htmlFor="title">Title</label>
        <input id="title" name="title" required size={60} {...invalid("title")} />
        <FieldError failure={failure} field="title" />
        <label htmlFor="description">What is the work?</label>
        <textarea id="description" name="description" rows={5} cols={60} {...invalid("description")} />
        <FieldError failure={failure} field="description" />
        <div className="row">
          <div>
            <label htmlFor="type">Type</label>
            <select id="type" name="type" defaultValue="PROJECT">
              {GIG_TYPES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="departmentId">For department</label>
            <select id="departmentId" name="departmentId" defaultValue={viewer.departmentId ?? ""} {...invalid("departmentId")}>
              {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
            <p className="hint">Your own department, those above it and those inside it.</p>
            <FieldError failure={failure} field="departmentId" />
          </div>
        </div>
        <div className="row">
          <div>
            <label htmlFor="hoursPerWeek">Hours a week</label>
            <input id="hoursPerWeek" name="hoursPerWeek" type="number" step={0.5} defaultValue={4} {...invalid("hoursPerWeek")} />
            <FieldError failure={failure} field="hoursPerWeek" />
          </div>
          <div>
            <label htmlFor="durationWeeks">Weeks</label>
            <input id="durationWeeks" name="durationWeeks" type="number" defaultValue={6} {...invalid("durationWeeks")} />
            <FieldError failure={failure} field="durationWeeks" />
          </div>
          <div>
            <label htmlFor="seats">Seats</label>
            <input id="seats" name="seats" type="number" defaultValue={1} {...invalid("seats")} />
            <FieldError failure={failure} field="seats" />
          </div>
          <div>
            <label htmlFor="startDate">Start date</label>
            <input id="startDate" name="startDate" type="date" {...invalid("startDate")} />
            <FieldError failure={failure} field="startDate" />
          </div>
          <div>
            <label htmlFor="externalHourlyRate">External rate (€/hour)</label>
            <input id="externalHourlyRate" name="externalHourlyRate" type="number" defaultValue={80} {...invalid("externalHourlyRate")} />
            <FieldError failure={failure} field="externalHourlyRate" />
          </div>
        </div>
        <div className="row">
          <div>
            <label htmlFor="location">Where</label>
            <input id="location" name="location" placeholder="office or city" {...invalid("location")} />
            <FieldError failure={failure} field="location" />
          </div>
          <label className="row" style={{ fontWeight: 400 }}>
            <input type="checkbox" name="remote" /> Can be done remotely
          </label>
          <div>
            <label htmlFor="applicationDeadline">Apply by</label>
            <input id="applicationDeadline" name="applicationDeadline" type="date" {...invalid("applicationDeadline")} />
            <FieldError failure={failure} field="applicationDeadline" />
          </div>
        </div>
        <fieldset>
          <legend>Skills</legend>
          <SkillTypeahead
            label="Add a skill the gig needs"
            onPick={(skill) => {
              if (!skills.some((s) => s.id === skill.id)) {
                setSkills([...skills, { ...skill, importance: "REQUIRED", minProficiency: 3 }]);
              }
            }}
          />
          <FieldError failure={failure} field="skills" />
          {skills.length === 0 ? (
            <p className="hint">A gig needs at least one skill to be published.</p>
          ) : (
            <ul className="plain list" aria-label="Skills of the gig">
              {skills.map((s, index) => (
                <li key={s.id}>
                  <strong>{s.label}</strong>
                  <label className="visually-hidden" htmlFor={`importance-${s.id}`}>Importance of {s.label}</label>
                  <select
                    id={`importance-${s.id}`}
                    value={s.importance}
                    onChange={(e) => {
                      setSkills(skills.map((row, i) => (i === index ? { ...row, importance: e.target.value as Importance } : row)));
                    }}
                  >
                    {IMPORTANCES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                  </select>
                  <label className="visually-hidden" htmlFor={`level-${s.id}`}>Minimum level of {s.label}</label>
                  <select
                    id={`level-${s.id}`}
                    value={s.minProficiency}
                    onChange={(e) => {
                      setSkills(skills.map((row, i) => (i === index ? { ...row, minProficiency: Number(e.target.value) } : row)));
                    }}
                  >
                    {[1, 2, 3, 4, 5].map((level) => <option key={level} value={level}>level {level}+</option>)}
                  </select>
                  <button type="button" className="link-button" aria-label={`Remove ${s.label}`} onClick={() => { setSkills(skills.filter((_, i) => i !== index)); }}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="row" style={{ marginTop: "1rem" }}>
          <button type="submit" name="action" value="publish" disabled={creating.fetching}>Publish</button>
          <button type="submit" name="action" value="draft" className="secondary" disabled={creating.fetching}>Save as draft</button>
        </div>
      </form>
    </>
  );
}
