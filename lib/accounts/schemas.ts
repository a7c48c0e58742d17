import { z } from "zod";
import { chosenId, idField, optionalText, pageNumber, requiredText } from "@/lib/schema-fields";

// Field names are the forms' input names. Messages follow the NHS error message style.

const emailAddress = (missing: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .min(1, missing)
    .max(320, "Email address must be 320 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.com"));
const emailField = emailAddress("Enter your email address");

/** Long enough to resist guessing; no composition rules (NCSC guidance), but not a common password. */
const COMMON_PASSWORDS = new Set([
  "password123",
  "password1234",
  "123456789012",
  "qwertyuiop12",
  "letmein12345",
  "welcome12345",
  "nhspassword1",
  "passwordpassword",
]);
export const newPasswordField = z
  .string()
  .min(12, "Password must be 12 characters or more")
  .max(200, "Password must be 200 characters or fewer")
  .refine(
    (p) => !COMMON_PASSWORDS.has(p.toLowerCase()) && new Set(p).size >= 4,
    "Choose a password that is harder to guess",
  );

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .max(320, "Enter a correct email address and password"),
  password: z.string().min(1, "Enter your password").max(1000, "Enter a correct email address and password"),
  callbackUrl: z.string().optional(),
});

export const emailOnlySchema = z.object({ email: emailField, callbackUrl: z.string().optional() });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "Passwords do not match", path: ["confirmPassword"] });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1000),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "Passwords do not match", path: ["confirmPassword"] });

const nameField = requiredText(200, "Name", "Enter your full name");

export const registerPatientSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string(),
    collaborativeId: chosenId("Select your local collaborative"),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "Passwords do not match", path: ["confirmPassword"] });

export const registerStaffSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string(),
    collaborativeId: chosenId("Select the collaborative you work with"),
    organisationId: chosenId("Select your organisation"),
    jobTitle: optionalText(200, "Job title"),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "Passwords do not match", path: ["confirmPassword"] });

export const staffRequestSchema = z.object({
  collaborativeId: chosenId("Select the collaborative you work with"),
  organisationId: chosenId("Select your organisation"),
  jobTitle: optionalText(200, "Job title"),
});

export const postcodeSchema = z.object({
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, "Enter your postcode, or the first part of it")
    .max(10, "Enter a real postcode, like LS1 4AP")
    .regex(/^[A-Z]{1,2}[0-9]/, "Enter a real postcode, like LS1 4AP"),
});

export const membershipRoles = ["PATIENT", "STAFF", "LEAD"] as const;

export const inviteSchema = z.object({
  collaborativeId: idField,
  email: emailField,
  role: z.enum(membershipRoles, "Select a role"),
  organisationId: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v || null),
});

/** From a project's team page: someone to add by email address, or to invite when they are not a member. */
export const inviteToTeamSchema = z.object({
  projectId: idField,
  email: emailAddress("Enter their email address"),
  joinAs: z.enum(["STAFF", "PATIENT"], "Select whether they join as staff or as a patient partner"),
  // Not "role": the team page's other form has that field, and ids must be unique on a page.
  teamRole: optionalText(200, "Role"),
});

export const membershipIdSchema = z.object({ membershipId: idField });
export const invitationIdSchema = z.object({ invitationId: idField });

export const changeRoleSchema = z.object({
  membershipId: idField,
  role: z.enum(membershipRoles, "Select a role"),
});

export const acceptInvitationSchema = z.object({ token: z.string().min(20).max(200) });

export const acceptInvitationNewAccountSchema = z
  .object({
    token: z.string().min(20).max(200),
    name: nameField,
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "Passwords do not match", path: ["confirmPassword"] });

export const globalRoles = ["NONE", "NATIONAL", "ADMIN"] as const;
export const setGlobalRoleSchema = z.object({ userId: idField, globalRole: z.enum(globalRoles, "Select a role") });

export const auditFilterSchema = z.object({
  action: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  page: pageNumber,
});

export const collaborativeSettingsSchema = z.object({
  collaborativeId: chosenId("Choose a collaborative"),
  allowedEmailDomains: z
    .string()
    .max(2000)
    .transform((v) => [
      ...new Set(
        v
          .split(/[\s,]+/)
          .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
          .filter(Boolean),
      ),
    ])
    .refine(
      (list) => list.every((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)),
      "Enter email domains like nhs.net, separated by commas",
    ),
});

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}
