// Prisma's CLI on its WebAssembly schema engine over node-postgres: no engine binary to download.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { poolConfigFromUrl } from "./lib/db-url";

// The schema names env("DATABASE_URL") for validation only; commands that connect use the adapter.
process.env.DATABASE_URL ??= "postgresql://postgres@localhost:5432/unset";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    // A short idle timeout lets the CLI exit as soon as it is done instead of holding the pool open.
    return wholeMigrationScripts(
      new PrismaPg({ ...poolConfigFromUrl(process.env.DATABASE_URL!), idleTimeoutMillis: 50 }),
    );
  },
});

/**
 * The adapter's executeScript splits a migration on every ";", which cuts $$-quoted function bodies
 * (the audit log's append-only trigger) in half. Send each script whole instead, as Prisma's native
 * engine does: PostgreSQL's simple-query protocol runs the statements in one implicit transaction.
 */
function wholeMigrationScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  };
  return factory;
}
