/**
 * The id an input gets for a field name, so the error summary can link to it. In its own module
 * (not the client-only ErrorSummary) so server-rendered fields can call it too.
 */
export function fieldId(name: string) {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}
