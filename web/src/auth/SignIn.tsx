// Development sign-in: a few demo people per role, from the service's development-only endpoint.
// In production the endpoint does not exist and single sign-on hands the token to `signIn`.
import { useEffect, useState } from "react";
import { signIn } from "./session";

interface DemoPerson {
  role: string;
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  manager: string | null;
}

const ROLES: [string, string][] = [
  ["employee", "Employees"],
  ["owner", "Gig owners"],
  ["manager", "Managers"],
  ["hr", "HR"],
  ["admin", "Admin"],
];

type Load =
  | { state: "loading" }
  | { state: "ready"; people: DemoPerson[] }
  | { state: "unavailable" }
  | { state: "failed"; message: string };

export function SignIn() {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [signing, setSigning] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetch("/dev/sign-in")
      .then(async (response) => {
        if (!live) return;
        if (response.status === 404) setLoad({ state: "unavailable" });
        else if (!response.ok) setLoad({ state: "failed", message: `HTTP ${response.status}` });
        else {
          const body = (await response.json()) as { people: DemoPerson[] };
          setLoad({ state: "ready", people: body.people });
        }
      })
      .catch(() => {
        if (live) setLoad({ state: "failed", message: "the service cannot be reached" });
      });
    return () => {
      live = false;
    };
  }, []);

  async function choose(person: DemoPerson) {
    setSigning(`${person.role}:${person.id}`);
    setError(null);
    try {
      const response = await fetch("/dev/sign-in", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ personId: person.id, role: person.role }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { token: string };
      signIn(body.token);
    } catch (failure) {
      setError(`Signing in failed: ${String(failure)}`);
      setSigning(null);
    }
  }

  return (
    <main className="signin" id="main">
      <h1>talentgraph</h1>
      <p className="lead">The marketplace for work inside the organisation.</p>
      {load.state === "loading" && <p role="status">Loading the demo people…</p>}
      {load.state === "unavailable" && (
        <p role="alert">Sign in through your organisation&apos;s single sign-on.</p>
      )}
      {load.state === "failed" && <p role="alert">Cannot load the sign-in page: {load.message}.</p>}
      {error && <p role="alert">{error}</p>}
      {load.state === "ready" && (
        <>
          <h2>Sign in as a demo person (development)</h2>
          <div className="signin-roles">
            {ROLES.map(([role, title]) => {
              const people = load.people.filter((p) => p.role === role);
              return (
                <section key={role} aria-labelledby={`role-${role}`} className="card">
                  <h3 id={`role-${role}`}>{title}</h3>
                  {people.length === 0 ? (
                    <p>Nobody in the demo data.</p>
                  ) : (
                    <ul className="plain">
                      {people.map((person) => (
                        <li key={person.id}>
                          <button
                            type="button"
                            className="person-button"
                            disabled={signing !== null}
                            onClick={() => void choose(person)}
                            aria-label={`Sign in as ${person.name}, ${title.toLowerCase()}`}
                          >
                            <strong>{person.name}</strong>
                            <span>
                              {[person.title, person.department].filter(Boolean).join(" · ")}
                            </span>
                            {person.manager && <span>Manager: {person.manager}</span>}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        </>
      )}
    </main>
  );
}
