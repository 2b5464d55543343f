// The one place the app keeps who is signed in: a bearer token in memory, mirrored in
// sessionStorage so a reload keeps the session of this tab (never in a URL, never in localStorage).
// Whatever signs a person in (the development sign-in today, single sign-on later) calls
// `signIn(token)`; everything that talks to the API reads `currentToken()`.

const KEY = "talentgraph.token";

type Listener = (token: string | null) => void;

let token: string | null = readStored();
const listeners = new Set<Listener>();

function readStored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function store(value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, value);
  } catch {
    // storage disabled: the token lives in memory for this page only
  }
}

export function currentToken(): string | null {
  return token;
}

export function signIn(newToken: string): void {
  token = newToken;
  store(newToken);
  listeners.forEach((listener) => {
    listener(token);
  });
}

export function signOut(): void {
  token = null;
  store(null);
  listeners.forEach((listener) => {
    listener(null);
  });
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function authorizationHeader(): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}
