import { useEffect } from "react";

/** Marks the moment a screen shows its data (`screen:<name>`), for the speed benchmark. */
export function useScreenReady(name: string, ready: boolean): void {
  useEffect(() => {
    if (ready && performance.getEntriesByName(`screen:${name}`).length === 0) {
      performance.mark(`screen:${name}`);
    }
  }, [name, ready]);
}
