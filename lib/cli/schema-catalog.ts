// What a database's schema holds, as sorted lines one can compare: what Prisma's schema describes
// (tables' columns, enums, indexes, constraints) and what only the migrations' hand-written SQL makes
// (triggers, functions, views and materialised views with their indexes, generated columns'
// expressions). Used by the drift test (tests/integration/schema-drift.test.ts) and by
// `npm run db:drift`, which compares a live database with one built from the migrations.
import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db-url";

const NOT_MIGRATIONS_TABLE = `<> '_prisma_migrations'`;
/** Objects an extension installed (pg_trgm's functions live in public) belong to the extension, not to us. */
const notFromExtension = (catalog: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = o.oid AND d.deptype = 'e')`;

export const catalogQueries = {
  // Kinds Prisma's schema describes.
  columns: `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS item
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name ${NOT_MIGRATIONS_TABLE}`,
  enums: `SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS item
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' GROUP BY t.typname`,
  // Indexes of tables; materialised views' indexes are listed with the views.
  indexes: `SELECT i.indexname || ': ' || i.indexdef AS item FROM pg_indexes i
            JOIN pg_class c ON c.relname = i.tablename AND c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
            WHERE i.schemaname = 'public' AND i.tablename ${NOT_MIGRATIONS_TABLE}`,
  constraints: `SELECT conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) AS item
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'u', 'p', 'c')
                  AND conrelid::regclass::text ${NOT_MIGRATIONS_TABLE}`,
  // Kinds only the migrations' raw SQL makes.
  triggers: `SELECT c.relname || '.' || o.tgname || ': ' || pg_get_triggerdef(o.oid) AS item
             FROM pg_trigger o JOIN pg_class c ON c.oid = o.tgrelid
             WHERE c.relnamespace = 'public'::regnamespace AND NOT o.tgisinternal`,
  functions: `SELECT o.oid::regprocedure || ': ' || pg_get_functiondef(o.oid) AS item
              FROM pg_proc o WHERE o.pronamespace = 'public'::regnamespace AND o.prokind IN ('f', 'p')
                AND ${notFromExtension("pg_proc")}`,
  views: `SELECT o.relname || ' (' || CASE o.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END || '): ' || pg_get_viewdef(o.oid) AS item
          FROM pg_class o WHERE o.relnamespace = 'public'::regnamespace AND o.relkind IN ('v', 'm') AND ${notFromExtension("pg_class")}
          UNION ALL
          SELECT i.indexname || ': ' || i.indexdef FROM pg_indexes i
          JOIN pg_class c ON c.relname = i.tablename AND c.relnamespace = 'public'::regnamespace AND c.relkind = 'm'
          WHERE i.schemaname = 'public'`,
  generated: `SELECT c.relname || '.' || a.attname || ': GENERATED ALWAYS AS ' || pg_get_expr(d.adbin, d.adrelid) || ' STORED' AS item
              FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
              WHERE c.relnamespace = 'public'::regnamespace AND a.attgenerated = 's' AND NOT a.attisdropped`,
};

export type CatalogKind = keyof typeof catalogQueries;
export type Catalog = Record<CatalogKind, string[]>;

/** The kinds Prisma's schema cannot describe: compared only between databases built from migrations. */
export const RAW_SQL_KINDS: CatalogKind[] = ["triggers", "functions", "views", "generated"];

export async function catalogOf(url: string): Promise<Catalog> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    const result = {} as Catalog;
    for (const [kind, sql] of Object.entries(catalogQueries) as [CatalogKind, string][]) {
      result[kind] = (await client.query<{ item: string }>(sql)).rows.map((r) => r.item).sort();
    }
    return result;
  } finally {
    await client.end();
  }
}

export type CatalogDifference = { kind: CatalogKind; missing: string[]; unexpected: string[] };

/** What `actual` lacks of `expected` and holds beyond it, kind by kind (kinds that agree are left out). */
export function catalogDifferences(
  expected: Catalog,
  actual: Catalog,
  kinds: CatalogKind[] = Object.keys(catalogQueries) as CatalogKind[],
): CatalogDifference[] {
  return kinds
    .map((kind) => ({
      kind,
      missing: expected[kind].filter((item) => !actual[kind].includes(item)),
      unexpected: actual[kind].filter((item) => !expected[kind].includes(item)),
    }))
    .filter((d) => d.missing.length > 0 || d.unexpected.length > 0);
}

/** An object's own name: `"Table".name: …`, `name(args): …`, `name (view): …` or `Table.column: …`. */
export const objectName = (item: string) => item.split(/[:( ]/)[0]!.split(".").at(-1)!.replace(/"/g, "");
