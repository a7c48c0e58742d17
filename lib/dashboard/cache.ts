/**
 * The one cross-request cache in the portal (STYLE.md, "Caching"): dashboard aggregates, kept per
 * summary refresh. An entry is used only while the summaries' refresh time is the one it was computed
 * for, so a refresh (in any process) makes every entry stale at once. Each entry is read in one
 * snapshot and stored under the refresh time that snapshot saw (lib/dashboard/queries.ts, inSnapshot),
 * so entries under one time are all that refresh's figures. Callers check access BEFORE
 * asking, and the key holds the scope, so one viewer's figures never answer another's question.
 */
const MAX_ENTRIES = 500;
const entries = new Map<string, { stamp: number; value: Promise<unknown> }>();

const stampOf = (refreshedAt: Date | null) => refreshedAt?.getTime() ?? -1;

/** The entry computed for this refresh, if there is one (nothing is loaded). */
export function cachedIfFresh<T>(key: string, refreshedAt: Date | null): Promise<T> | undefined {
  const hit = entries.get(key);
  return hit && hit.stamp === stampOf(refreshedAt) ? (hit.value as Promise<T>) : undefined;
}

export function cachedForRefresh<T>(key: string, refreshedAt: Date | null, load: () => Promise<T>): Promise<T> {
  const hit = cachedIfFresh<T>(key, refreshedAt);
  if (hit) return hit;
  const stamp = stampOf(refreshedAt);
  const value = load();
  entries.delete(key);
  entries.set(key, { stamp, value });
  // A failed load is not kept.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** Forget every entry (the benchmark measures cold queries with this). */
export function clearDashboardCache() {
  entries.clear();
}
