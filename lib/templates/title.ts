/** "… (from <source>)": the title of a project started from someone else's work, kept within 200 characters. Pure. */
export function titleFrom(title: string, source: string): string {
  const suffix = ` (from ${source})`;
  return title.length + suffix.length <= 200 ? `${title}${suffix}` : `${title.slice(0, 199 - suffix.length)}…${suffix}`;
}
