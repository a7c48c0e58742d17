// Two PostgreSQL roles: the owner of the schema, which runs migrations (and seeding, and pg-boss's
// set-up), and the app role the web and job processes connect as, with only the rights they use: no
// DDL, and on the audit log only SELECT and INSERT. A superuser (the embedded database's, or the test
// server's) creates both; on a managed PostgreSQL the operator does once (README, "Deployment").
import { spawnSync } from "node:child_process";
import pg from "pg";
import { poolConfigFromUrl, withDatabase } from "@/lib/db-url";
import { createDatabase, databaseExists, migrate } from "./database";

export type DatabaseUrls = {
  /** The schema's owner: migrations, seeding, queue set-up, grants. */
  ownerUrl: string;
  /** The web and job processes' role (DATABASE_URL). */
  appUrl: string;
};

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;
export const roleOf = (url: string) => poolConfigFromUrl(url).user;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...poolConfigFromUrl(url), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The URL of `database` on the server at `serverUrl`, signed in as `role`. */
export function urlFor(serverUrl: string, database: string, role: { name: string; password: string }): string {
  const u = new URL(withDatabase(serverUrl, database));
  u.username = encodeURIComponent(role.name);
  u.password = encodeURIComponent(role.password);
  return u.toString();
}

/**
 * As a superuser: creates the login roles when missing (runs in parallel with other test runs on the
 * same server, so "already exists" is fine) and sets their passwords.
 */
export async function ensureRoles(
  superUrl: string,
  roles: { name: string; password: string; createdb?: boolean }[],
): Promise<void> {
  await withClient(withDatabase(superUrl, "postgres"), async (c) => {
    for (const role of roles) {
      for (let attempt = 1; ; attempt++) {
        try {
          const exists = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name]);
          const options = `LOGIN ${role.createdb ? "CREATEDB" : "NOCREATEDB"} PASSWORD ${quoteLiteral(role.password)}`;
          if (exists.rowCount === 0) await c.query(`CREATE ROLE ${quoteIdent(role.name)} ${options}`);
          else await c.query(`ALTER ROLE ${quoteIdent(role.name)} NOSUPERUSER ${options}`);
          break;
        } catch (error) {
          // 42710 duplicate_object, 23505 unique_violation, XX000 "tuple concurrently updated": another run won the race.
          const code = (error as { code?: string }).code;
          if (attempt >= 5 || !["42710", "23505", "XX000"].includes(code ?? "")) throw error;
        }
      }
    }
  });
}

/**
 * As a superuser: `database` and everything in it belong to `owner`. For databases made before the
 * roles were split (their objects belong to the superuser); a no-op on a database the owner made.
 */
export async function handOverDatabase(superUrl: string, database: string, owner: string): Promise<void> {
  await withClient(withDatabase(superUrl, "postgres"), (c) =>
    c.query(`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${quoteIdent(owner)}`),
  );
  await withClient(withDatabase(superUrl, database), (c) =>
    c.query(`
      DO $$
      DECLARE r record; owner text := ${quoteLiteral(owner)};
      BEGIN
        FOR r IN SELECT n.nspname FROM pg_namespace n WHERE n.nspname IN ('public', 'pgboss') AND pg_get_userbyid(n.nspowner) <> owner LOOP
          EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, owner);
        END LOOP;
        FOR r IN
          SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND pg_get_userbyid(c.relowner) <> owner
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i') AND c.relkind = 'S')
        LOOP
          EXECUTE format('ALTER %s %I.%I OWNER TO %I',
            CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
            r.nspname, r.relname, owner);
        END LOOP;
        FOR r IN
          SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname IN ('public', 'pgboss') AND pg_get_userbyid(p.proowner) <> owner
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.sig, owner);
        END LOOP;
        FOR r IN
          SELECT n.nspname, t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname IN ('public', 'pgboss') AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> owner
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('ALTER TYPE %I.%I OWNER TO %I', r.nspname, r.typname, owner);
        END LOOP;
      END $$`),
  );
}

/**
 * As the owner, after every migration (idempotent): the app role may read and write the tables,
 * append to the audit log, use the job queue's tables and call the functions; nothing else. Default
 * privileges give it the same on tables the owner creates later (new migrations, new queues).
 */
export function appRoleGrants(database: string, owner: string, app: string): string {
  const [db, o, a] = [quoteIdent(database), quoteIdent(owner), quoteIdent(app)];
  return `
    GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${a};
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    REVOKE CREATE ON SCHEMA public FROM ${a};
    GRANT USAGE ON SCHEMA public TO ${a};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${a};
    -- Append-only, by permission as well as by its trigger.
    REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM ${a};
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM ${a};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${a};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${a};
    ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a};
    ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${a};
    GRANT USAGE ON SCHEMA pgboss TO ${a};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${a};
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pgboss TO ${a};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${a};
    ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a};
    ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA pgboss GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${a};`;
}

/** pg-boss's schema and a queue per registered job, as the owner (both are DDL). */
export function setUpJobQueues(ownerUrl: string): void {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "lib/cli/setup-job-queues.ts"], {
    env: { ...process.env, DATABASE_URL: ownerUrl },
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`Setting up the job queues failed: ${(result.stderr || result.stdout).trim()}`);
}

/**
 * Brings a database up to date as its owner: migrations, the job queues, and (when the app connects
 * as another role) the app role's rights. `npm start`, `npm run db:migrate` and the tests all use this.
 */
export async function prepareDatabase({ ownerUrl, appUrl }: DatabaseUrls): Promise<void> {
  migrate(ownerUrl);
  setUpJobQueues(ownerUrl);
  const [owner, app] = [roleOf(ownerUrl), roleOf(appUrl)];
  if (owner === app) return;
  await withClient(ownerUrl, (c) => c.query(appRoleGrants(poolConfigFromUrl(ownerUrl).database, owner, app)));
}

/** Whether the app's connection could undo the protections (a superuser): `npm start` warns. */
export async function connectsAsSuperuser(url: string): Promise<boolean> {
  return withClient(
    url,
    async (c) =>
      (await c.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).rows[0]
        ?.rolsuper ?? false,
  );
}

/** The embedded database's roles (npm start without DATABASE_URL). Local only, like its superuser's password. */
export const EMBEDDED_ROLES = {
  owner: { name: "psc_owner", password: "psc-owner" },
  app: { name: "psc_app", password: "psc-app" },
};

/**
 * As a superuser, on a server the portal runs itself (the embedded one): the two roles, and database
 * `name` owned by the owner role (created, or handed over when it was made before the roles were split).
 */
export async function ensureSplitDatabase(
  superUrl: string,
  name: string,
  roles = EMBEDDED_ROLES,
): Promise<DatabaseUrls> {
  // The owner may create databases: db:restore makes a new one.
  await ensureRoles(superUrl, [{ ...roles.owner, createdb: true }, roles.app]);
  if (!(await databaseExists(superUrl, name))) await createDatabase(superUrl, name, undefined, roles.owner.name);
  else await handOverDatabase(superUrl, name, roles.owner.name);
  return { ownerUrl: urlFor(superUrl, name, roles.owner), appUrl: urlFor(superUrl, name, roles.app) };
}

/**
 * The owner's URL from the configuration: MIGRATION_DATABASE_URL, or DATABASE_URL itself when the
 * operator runs everything as one role (then nothing is restricted; npm start says so).
 */
export function ownerUrlFromEnv(): string {
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  return url;
}
