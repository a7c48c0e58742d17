import { inject } from "vitest";

// Before any test module imports lib/db: point it at this run's database, with fixed test secrets.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.TEST_DATABASE_SERVER_URL = inject("serverUrl");
process.env.CONCERN_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test-secret";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
