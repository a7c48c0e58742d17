/** Shown wherever a new password is chosen; the rule itself is in lib/accounts/schemas.ts. */
export const PASSWORD_HINT = "Use 12 characters or more. A few random words together make a good password.";
