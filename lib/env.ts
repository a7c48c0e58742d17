import "server-only";
import { z } from "zod";

// The only place that reads process.env. Parsed once, on first use, so that a bad setting fails
// with one clear line instead of a stack trace deep in a request.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is not set: start the portal with `npm start` (embedded database) or set it to a PostgreSQL URL.",
    })
    .url("DATABASE_URL must be a URL such as postgresql://user:password@host:5432/database"),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters (npm start writes one into .env.local)")
    .optional(),
  // 32 bytes, base64: encrypts reporters' contact details (AES-256-GCM).
  CONCERN_ENCRYPTION_KEY: z.string().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Patient Safety Collaboratives <no-reply@psc.example.nhs.uk>"),
  // Set by npm start / the tests when mail goes to the local capture: the /dev/mail page reads it.
  MAIL_CAPTURE_DIR: z.string().optional(),
  AZURE_AD_CLIENT_ID: z.string().optional(),
  AZURE_AD_CLIENT_SECRET: z.string().optional(),
  AZURE_AD_TENANT_ID: z.string().optional(),
  // Behind a proxy that sets X-Forwarded-For; otherwise the socket address is used for throttling.
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Configuration error: ${issue.path.join(".")}: ${issue.message}`);
  }
  cached = parsed.data;
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";
export const isDevelopment = () => env().NODE_ENV === "development";
