// Every page's <title> is "<its title> – Patient Safety Collaboratives" (app/layout.tsx), and a page
// showing form errors starts with "Error: " (GOV.UK and NHS.UK pattern: a screen reader hears it first).
export const SITE_NAME = "Patient Safety Collaboratives";
export const TITLE_TEMPLATE = `%s – ${SITE_NAME}`;
export const ERROR_TITLE_PREFIX = "Error: ";

export function fullPageTitle(title: string): string {
  return TITLE_TEMPLATE.replace("%s", title);
}

/** Titles of the pages whose forms put "Error: " in the title without JavaScript too (ErrorSummary's pageTitle). */
export const PAGE_TITLES = {
  concernForm: "Tell us about a safety concern",
  trackConcern: "Follow a concern you raised",
  signIn: "Sign in",
  signInEmail: "Sign in with an email link",
  registerPatient: "Create an account as a patient or carer",
  registerStaff: "Ask to join as a member of staff",
} as const;
