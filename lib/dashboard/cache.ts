/**
 * The one cross-request cache in the portal (STYLE.md, "Caching"): dashboard aggregates, kept per
 * summary refresh. An entry is used only while the summaries' refresh time is the one it was computed
 * for, so a refresh (in any process) makes every entry stale at once. Callers check access BEFORE
 * asking, and the key holds the scope, so one viewer's figures never answer another's question.
 */
const MAX_ENTRIES = 500;
const entries = new Map<string, { stamp: number; value: Promise<unknown> }>();

export function cachedForRefresh<T>(key: string, refreshedAt: Date | null, load: () => Promise<T>): Promise<T> {
  const stamp = refreshedAt?.getTime() ?? -1;
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) return hit.value as Promise<T>;
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
