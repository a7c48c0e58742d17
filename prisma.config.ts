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
    return new PrismaPg({ ...poolConfigFromUrl(process.env.DATABASE_URL!), idleTimeoutMillis: 50 });
  },
});
