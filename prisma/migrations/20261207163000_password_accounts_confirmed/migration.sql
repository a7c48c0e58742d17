-- Password sign-in now needs a confirmed address (a registration's emailed link, a reset link or an
-- invitation). Accounts that registered before confirmation existed signed in with their password at
-- once: they keep doing so, confirmed as of when they were created.
UPDATE "User" SET "emailVerified" = "createdAt" WHERE "emailVerified" IS NULL AND "passwordHash" IS NOT NULL;
