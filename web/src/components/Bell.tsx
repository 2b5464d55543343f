// The notifications bell: the unread count, live over the `notifications` subscription (which
// first sends the unread ones, then each new one), a panel to read them and mark them read.
import { useEffect, useId, useRef, useState } from "react";
import { useMutation, useSubscription } from "urql";
import { Link } from "wouter";
import { graphql } from "../gql";
import type { NotificationsLiveSubscription } from "../gql/graphql";
import { relative } from "../lib/format";

const NotificationsLive = graphql(`
  subscription NotificationsLive {
    notifications {
      id
      kind
      message
      createdAt
      gigId
      applicationId
    }
  }
`);

const MarkRead = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(input: { ids: $ids }) {
      marked
    }
  }
`);

type Note = NotificationsLiveSubscription["notifications"];

function collect(previous: Note[] = [], data: NotificationsLiveSubscription): Note[] {
  const note = data.notifications;
  if (previous.some((seen) => seen.id === note.id)) return previous;
  return [note, ...previous].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function Bell() {
  const [{ data: received = [] }] = useSubscription({ query: NotificationsLive }, collect);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState(false);
  const [, markRead] = useMutation(MarkRead);
  const panelId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const unread = received.filter((note) => !readIds.has(note.id));

  useEffect(() => {
    if (!open) return;
    function close(event: KeyboardEvent) {
      if (event.key === "Escape") setOpen(false);
    }
    window.addEventListener("keydown", close);
    panel.current?.focus();
    return () => {
      window.removeEventListener("keydown", close);
    };
  }, [open]);

  async function markAll() {
    const ids = unread.map((note) => note.id);
    const result = await markRead({ ids });
    if (!result.error) setReadIds(new Set([...readIds, ...ids]));
  }

  return (
    <div className="bell">
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Notifications, ${unread.length} unread`}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread.length > 0 && (
          <span className="badge" data-testid="unread-count">
            {unread.length}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          className="bell-panel card"
          role="region"
          aria-label="Notifications"
          tabIndex={-1}
          ref={panel}
        >
          <div className="row-between">
            <h2>Notifications</h2>
            {unread.length > 0 && (
              <button type="button" onClick={() => void markAll()}>
                Mark all read
              </button>
            )}
          </div>
          {unread.length === 0 ? (
            <p>You are all caught up.</p>
          ) : (
            <ul className="plain notes">
              {unread.map((note) => (
                <li key={note.id}>
                  {linkOf(note) ? (
                    <Link
                      href={linkOf(note) ?? "/"}
                      onClick={() => {
                        setOpen(false);
                      }}
                    >
                      {note.message}
                    </Link>
                  ) : (
                    <span>{note.message}</span>
                  )}
                  <small>{relative(note.createdAt)}</small>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** Where a notification takes the person: a survey due to the surveys, else its gig. */
function linkOf(note: { kind: string; gigId?: string | null }): string | null {
  if (note.kind === "SURVEY_DUE") return "/surveys";
  return note.gigId ? `/gigs/${note.gigId}` : null;
}
