import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while rendering on the server (and during hydration), true in the browser. Recharts draws
 * nothing without measuring its container, so charts skip the server render instead of spending
 * server time on an empty box; the text alternative and data table beside them are server-rendered.
 */
export function useMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
