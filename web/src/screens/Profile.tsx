// My profile: skills with level 1-5, evidenced or claimed; aspirations with who sees them;
// capacity for gigs; completed gigs; endorsements; colleagues of completed gigs (to endorse on
// their profile); stale skills to confirm.
import { type SubmitEvent, useState } from "react";
import { type OperationResult, useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { ChampionChoice } from "../components/ChampionChoice";
import { Endorsements } from "../components/Endorsements";
import { type PickedSkill, SkillTypeahead } from "../components/SkillTypeahead";
import { Empty, QueryState } from "../components/States";
import { graphql } from "../gql";
import type { Visibility } from "../gql/graphql";
import { hours, humanise, relative } from "../lib/format";
import { numberOrNull, text } from "../lib/forms";
import { failureOf, type Failure, type Typed } from "../lib/outcome";
import { useScreenReady } from "../lib/ready";
import { useViewer } from "../viewer";

const ProfileQuery = graphql(`
  query Profile($personId: ID!) {
    person(id: $personId) {
      id
      name
      title
      location
      weeklyHours
      gigCapacityPct
      department {
        name
      }
      manager {
        name
      }
      skills {
        proficiency
        validated
        source
        confirmedAt
        skill {
          id
          label
        }
      }
      aspirations {
        interest
        visibility
        skill {
          id
          label
        }
      }
    }
    championPreference {
      ...ChampionChoiceFields
    }
    gigProfile(personId: $personId) {
      needsRefresh
      staleSkills {
        proficiency
        confirmedAt
        skill {
          id
          label
        }
      }
      completedGigs {
        id
        completedAt
        hoursWorked
        rating
        feedback
        gig {
          id
          title
        }
        demonstrated {
          level
          grew
          skill {
            id
            label
          }
        }
      }
      endorsements {
        ...EndorsementFields
      }
      colleagues {
        person {
          id
          name
        }
        gigs {
          id
          title
        }
      }
    }
  }
`);


const UpdateProfile = graphql(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const SetSkill = graphql(`
  mutation SetSkill($input: SkillClaimInput!) {
    setSkill(input: $input) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const RemoveSkill = graphql(`
  mutation RemoveSkill($skillId: ID!) {
    removeSkill(input: { skillId: $skillId }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const SetAspiration = graphql(`
  mutation SetAspiration($input: AspirationInput!) {
    setAspiration(input: $input) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const RemoveAspiration = graphql(`
  mutation RemoveAspiration($skillId: ID!) {
    removeAspiration(input: { skillId: $skillId }) {
      result {
        __typename
        ...UserErrorFields
      }
    }
  }
`);

const LEVELS = ["1 · basic", "2 · working", "3 · skilled", "4 · advanced", "5 · expert"];
const SOURCE: Record<string, string> = {
  SELF: "claimed by you",
  HRIS: "from HR records",
  MANAGER: "validated by your manager",
  GIG_FEEDBACK: "shown on a gig",
};

export default function Profile() {
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProfileQuery,
    variables: { personId: viewer.id },
  });
  const [, updateProfile] = useMutation(UpdateProfile);
  const [, setSkill] = useMutation(SetSkill);
  const [, removeSkill] = useMutation(RemoveSkill);
  const [, setAspiration] = useMutation(SetAspiration);
  const [, removeAspiration] = useMutation(RemoveAspiration);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [newSkill, setNewSkill] = useState<PickedSkill | null>(null);
  const [newLevel, setNewLevel] = useState(3);
  const [newAspiration, setNewAspiration] = useState<PickedSkill | null>(null);
  const [newVisibility, setNewVisibility] = useState<Visibility>("MATCHING");
  useScreenReady("profile", data !== undefined);

  if (!data?.person) return <QueryState title="My profile" what="your profile" fetching={fetching} error={error} refetch={refetch} />;
  const person = data.person;
  const gigProfile = data.gigProfile;

  async function run<D>(
    work: Promise<OperationResult<D>>,
    pick: (data: D) => Typed,
    message: string,
  ): Promise<boolean> {
    setFailure(null);
    setSaved(null);
    const response = await work;
    const problem = failureOf(response, response.data && pick(response.data), "Person");
    if (problem) {
      setFailure(problem);
      return false;
    }
    setSaved(message);
    refetch({ requestPolicy: "network-only" });
    return true;
  }

  async function saveCapacity(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run(
      updateProfile({
        input: {
          title: text(form, "title"),
          location: text(form, "location"),
          weeklyHours: numberOrNull(form, "weeklyHours"),
          gigCapacityPct: numberOrNull(form, "gigCapacityPct"),
        },
      }),
      (d) => d.updateProfile.result,
      "Profile saved.",
    );
  }

  async function addSkill(event: SubmitEvent) {
    event.preventDefault();
    if (!newSkill) {
      setFailure({ message: "Pick a skill from the suggestions first.", field: "skillId" });
      return;
    }
    const ok = await run(
      setSkill({ input: { skillId: newSkill.id, proficiency: newLevel } }),
      (d) => d.setSkill.result,
      `${newSkill.label} added at level ${newLevel}.`,
    );
    if (ok) setNewSkill(null);
  }

  async function addAspiration(event: SubmitEvent) {
    event.preventDefault();
    if (!newAspiration) {
      setFailure({ message: "Pick a skill you want to grow first.", field: "aspiration" });
      return;
    }
    const ok = await run(
      setAspiration({ input: { skillId: newAspiration.id, interest: 2, visibility: newVisibility } }),
      (d) => d.setAspiration.result,
      `You want to grow ${newAspiration.label}.`,
    );
    if (ok) setNewAspiration(null);
  }

  const capacityHours = (person.weeklyHours * person.gigCapacityPct) / 100;

  return (
    <>
      <h1>My profile</h1>
      <p className="meta">
        {person.name} · {person.title || "no title"} · {person.department?.name ?? "no department"}
        {person.manager && <> · manager {person.manager.name}</>}
      </p>
      <div aria-live="polite">
        {failure && <p className="field-error" role="alert">{failure.message}</p>}
        {saved && <p className="success" role="status">{saved}</p>}
      </div>
      {gigProfile?.needsRefresh && (
        <section className="card nudge" aria-labelledby="stale">
          <h2 id="stale">Skills to confirm</h2>
          <p>Nobody has confirmed these for a while. Still true? Confirm or change the level.</p>
          <ul className="plain list">
            {gigProfile.staleSkills.map((s) => (
              <li key={s.skill.id}>
                <strong>{s.skill.label}</strong> level {s.proficiency}
                <small>last confirmed {relative(s.confirmedAt)}</small>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void run(
                      setSkill({ input: { skillId: s.skill.id, proficiency: s.proficiency } }),
                      (d) => d.setSkill.result,
                      `${s.skill.label} confirmed.`,
                    )
                  }
                >
                  Still level {s.proficiency}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="columns">
        <div className="main-column">
          <section aria-labelledby="my-skills">
            <h2 id="my-skills">Skills</h2>
            <p className="hint">
              Evidenced skills were validated by your manager or shown on a gig; the others are
              your own claim and count a little less in matching.
            </p>
            {person.skills.length === 0 ? (
              <Empty><p>No skills yet: add the ones you have, and gigs will find you.</p></Empty>
            ) : (
              <ul className="plain list" aria-label="Your skills">
                {person.skills.map((s) => (
                  <li key={s.skill.id} data-skill={s.skill.label}>
                    <strong>{s.skill.label}</strong>
                    <span>level {s.proficiency}</span>
                    <span className={`tag ${s.validated ? "tag-good" : ""}`}>
                      {s.validated ? "Evidenced" : "Claimed"}
                    </span>
                    <small>{SOURCE[s.source] ?? humanise(s.source)}</small>
                    <label className="visually-hidden" htmlFor={`level-${s.skill.id}`}>
                      Level of {s.skill.label}
                    </label>
                    <select
                      id={`level-${s.skill.id}`}
                      value={s.proficiency}
                      onChange={(event) =>
                        void run(
                          setSkill({ input: { skillId: s.skill.id, proficiency: Number(event.target.value) } }),
                          (d) => d.setSkill.result,
                          `${s.skill.label} is now level ${event.target.value}.`,
                        )
                      }
                    >
                      {LEVELS.map((label, index) => (
                        <option key={label} value={index + 1}>{label}</option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Remove ${s.skill.label}`}
                      onClick={() =>
                        void run(
                          removeSkill({ skillId: s.skill.id }),
                          (d) => d.removeSkill.result,
                          `${s.skill.label} removed.`,
                        )
                      }
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form className="card" onSubmit={(event) => void addSkill(event)} aria-label="Add a skill">
              <SkillTypeahead label="Add a skill" onPick={setNewSkill} error={failure?.field === "skillId" ? failure.message : undefined} />
              {newSkill && <p>Adding <strong>{newSkill.label}</strong></p>}
              <label htmlFor="new-level">Your level</label>
              <select id="new-level" value={newLevel} onChange={(e) => { setNewLevel(Number(e.target.value)); }}>
                {LEVELS.map((label, index) => (
                  <option key={label} value={index + 1}>{label}</option>
                ))}
              </select>{" "}
              <button type="submit">Add skill</button>
            </form>
          </section>
          <section aria-labelledby="aspirations">
            <h2 id="aspirations">Skills I want to grow</h2>
            <p className="hint">
              <strong>Matching</strong>: gig owners see it and it brings you gigs that teach it.{" "}
              <strong>Private</strong>: only you, your manager and HR see it; it still picks gigs for you.
            </p>
            {person.aspirations.length === 0 ? (
              <Empty><p>Name a skill you want to learn: growth gigs come from it.</p></Empty>
            ) : (
              <ul className="plain list" aria-label="Your aspirations">
                {person.aspirations.map((a) => (
                  <li key={a.skill.id}>
                    <strong>{a.skill.label}</strong>
                    <span className="tag tag-growth">{a.visibility === "PRIVATE" ? "Private" : "Matching"}</span>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Stop growing ${a.skill.label}`}
                      onClick={() =>
                        void run(
                          removeAspiration({ skillId: a.skill.id }),
                          (d) => d.removeAspiration.result,
                          `${a.skill.label} removed from your aspirations.`,
                        )
                      }
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form className="card" onSubmit={(event) => void addAspiration(event)} aria-label="Add an aspiration">
              <SkillTypeahead label="A skill you want to grow" onPick={setNewAspiration} error={failure?.field === "aspiration" ? failure.message : undefined} />
              {newAspiration && <p>Adding <strong>{newAspiration.label}</strong></p>}
              <fieldset>
                <legend>Who sees it</legend>
                <label><input type="radio" name="visibility" checked={newVisibility === "MATCHING"} onChange={() => { setNewVisibility("MATCHING"); }} /> Matching (gig owners see it)</label>
                <label><input type="radio" name="visibility" checked={newVisibility === "PRIVATE"} onChange={() => { setNewVisibility("PRIVATE"); }} /> Private (you, your manager, HR)</label>
              </fieldset>
              <button type="submit">Add aspiration</button>
            </form>
          </section>
        </div>
        <div className="side-column">
          <form className="card" onSubmit={(event) => void saveCapacity(event)} aria-labelledby="capacity">
            <h2 id="capacity">About me and my capacity</h2>
            <label htmlFor="title">Job title</label>
            <input id="title" name="title" defaultValue={person.title} />
            <label htmlFor="location">Location</label>
            <input id="location" name="location" defaultValue={person.location} />
            <label htmlFor="weeklyHours">Working hours a week</label>
            <input id="weeklyHours" name="weeklyHours" type="number" min={1} max={80} step={0.5} defaultValue={person.weeklyHours} />
            <label htmlFor="gigCapacityPct">Share of my week for gigs (%)</label>
            <input id="gigCapacityPct" name="gigCapacityPct" type="number" min={0} max={100} defaultValue={person.gigCapacityPct} aria-describedby="capacity-hint" />
            <p id="capacity-hint" className="hint">That is {hours(capacityHours)} a week for gigs.</p>
            {failure?.field && ["weeklyHours", "gigCapacityPct", "title", "location"].some((f) => failure.field?.endsWith(f)) && (
              <p className="field-error">{failure.message}</p>
            )}
            <button type="submit">Save</button>
          </form>
          <ChampionChoice preference={data.championPreference} />
          <section aria-labelledby="completed">
            <h2 id="completed">Completed gigs</h2>
            {!gigProfile || gigProfile.completedGigs.length === 0 ? (
              <Empty><p>None yet. <Link href="/">Find one for you</Link>.</p></Empty>
            ) : (
              <ul className="plain list">
                {gigProfile.completedGigs.map((e) => (
                  <li key={e.id}>
                    <Link href={`/gigs/${e.gig.id}`}>{e.gig.title}</Link>
                    <small>{relative(e.completedAt)} · {hours(e.hoursWorked ?? 0)}{e.rating ? ` · rated ${e.rating}/5` : ""}</small>
                    {e.demonstrated.length > 0 && (
                      <span className="meta">Showed {e.demonstrated.map((d) => `${d.skill.label} ${d.level}`).join(", ")}</span>
                    )}
                    <Link href="/stories">Tell its story</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <Endorsements
            id="endorsements"
            endorsements={gigProfile?.endorsements ?? []}
            label="Your endorsements"
            empty="Colleagues on your gigs can vouch for skills they saw."
          />
          <section aria-labelledby="worked-with">
            <h2 id="worked-with">Worked with</h2>
            {!gigProfile || gigProfile.colleagues.length === 0 ? (
              <Empty><p>Colleagues on gigs you complete appear here; you can endorse what you saw them do.</p></Empty>
            ) : (
              <ul className="plain list" aria-label="Colleagues on your gigs">
                {gigProfile.colleagues.map((c) => (
                  <li key={c.person.id}>
                    <Link href={`/people/${c.person.id}`}>{c.person.name}</Link>
                    <small>on {c.gigs.map((g) => g.title).join(", ")}</small>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
