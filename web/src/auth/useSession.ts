import { useSyncExternalStore } from "react";
import { currentToken, onSessionChange } from "./session";

/** The current bearer token; components re-render when someone signs in or out. */
export function useToken(): string | null {
  return useSyncExternalStore(onSessionChange, currentToken);
}
