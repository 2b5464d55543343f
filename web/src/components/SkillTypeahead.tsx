// A skill picker: type a few letters, the skills search (full text over labels and aliases,
// typos forgiven) suggests; arrows move, Enter picks, Escape closes (ARIA combobox pattern).
import { useEffect, useId, useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../gql";

const SkillSearch = graphql(`
  query SkillSearch($search: String!) {
    skills(search: $search, first: 8) {
      edges {
        node {
          id
          label
          holderCount
        }
      }
    }
  }
`);

export interface PickedSkill {
  id: string;
  label: string;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(value);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [value, ms]);
  return debounced;
}

export function SkillTypeahead(props: {
  label: string;
  onPick: (skill: PickedSkill) => void;
  id?: string;
  error?: string;
}) {
  const generated = useId();
  const inputId = props.id ?? `skill-${generated}`;
  const listId = `${inputId}-list`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebounced(text.trim(), 200);
  const [{ data, fetching }] = useQuery({
    query: SkillSearch,
    variables: { search },
    pause: search.length < 2,
    requestPolicy: "cache-first",
  });
  const options = search.length < 2 ? [] : (data?.skills.edges.map((e) => e.node) ?? []);
  const showList = open && options.length > 0;

  function pick(index: number) {
    const skill = options[index];
    if (!skill) return;
    props.onPick({ id: skill.id, label: skill.label });
    setText("");
    setOpen(false);
    setActive(0);
  }

  return (
    <div className="combobox">
      <label htmlFor={inputId}>{props.label}</label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${inputId}-error` : undefined}
        value={text}
        placeholder="Type a skill, e.g. SQL"
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => {
          setTimeout(() => {
            setOpen(false);
          }, 150);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, options.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (event.key === "Enter" && showList) {
            event.preventDefault();
            pick(active);
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {props.error && (
        <p id={`${inputId}-error`} className="field-error">
          {props.error}
        </p>
      )}
      <span className="visually-hidden" role="status" aria-live="polite">
        {search.length >= 2 && !fetching ? `${options.length} skills found` : ""}
      </span>
      <ul id={listId} role="listbox" aria-label={`${props.label}: suggestions`} hidden={!showList}>
        {options.map((skill, index) => (
          <li
            key={skill.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(index);
            }}
          >
            {skill.label} <small className="meta">· {skill.holderCount} people</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
