// The portal's architectural rules as a local ESLint plugin (used by eslint.config.js, which says
// which files each rule covers and which files are allowed to break it, and why).
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** The repository file an import points at (without extension), or the bare package name. */
function importTarget(fromFile, specifier) {
  if (specifier.startsWith("@/")) return path.join(ROOT, specifier.slice(2)).replace(/\.(ts|tsx|js)$/, "");
  if (specifier.startsWith(".")) return path.resolve(path.dirname(fromFile), specifier).replace(/\.(ts|tsx|js)$/, "");
  return specifier;
}

function relativeToRoot(file) {
  return path.relative(ROOT, file).split(path.sep).join("/");
}

/** Calls `check(node, specifier, typeOnly)` for every import, re-export, dynamic import and require. */
function visitImports(check) {
  const typeOnly = (node) =>
    node.importKind === "type" ||
    node.exportKind === "type" ||
    (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));
  const literal = (source) => (source?.type === "Literal" && typeof source.value === "string" ? source.value : null);
  const report = (node, source, isType) => {
    const specifier = literal(source);
    if (specifier !== null) check(node, specifier, isType);
  };
  return {
    ImportDeclaration: (node) => report(node, node.source, typeOnly(node)),
    ExportNamedDeclaration: (node) => node.source && report(node, node.source, typeOnly(node)),
    ExportAllDeclaration: (node) => report(node, node.source, node.exportKind === "type"),
    ImportExpression: (node) => report(node, node.source, false),
    TSImportEqualsDeclaration: (node) =>
      node.moduleReference.type === "TSExternalModuleReference" &&
      report(node, node.moduleReference.expression, node.importKind === "type"),
    CallExpression: (node) =>
      node.callee.type === "Identifier" && node.callee.name === "require" && report(node, node.arguments[0], false),
  };
}

// The Prisma client: lib/db and the generated client it wraps (whose enums and types are harmless).
const DATABASE_MODULES = [path.join(ROOT, "lib/db"), path.join(ROOT, "lib/generated/prisma/client")];

/** Only the data modules (and the allow-list in eslint.config.js) may use the Prisma client. */
const dbAccess = {
  meta: {
    type: "problem",
    docs: {
      description:
        "Only data modules (lib/<domain>/queries.ts, mutations.ts and an allow-list) import the Prisma client",
    },
    messages: {
      restricted:
        "Only the data modules (lib/<domain>/queries.ts and mutations.ts, and the allow-list in eslint.config.js) may import the database client. Call a query or mutation instead.",
    },
    schema: [],
  },
  create(context) {
    return visitImports((node, specifier, typeOnly) => {
      // A type names a shape; it cannot open a connection or run a query.
      if (typeOnly) return;
      if (DATABASE_MODULES.includes(importTarget(context.filename, specifier)))
        context.report({ node, messageId: "restricted" });
    });
  },
};

// What a server-only module touches: the database, configuration (secrets), keys and hashing, mail.
const SERVER_MODULES = [
  ...DATABASE_MODULES,
  path.join(ROOT, "lib/env"),
  "pg",
  "pg-boss",
  "crypto",
  "node:crypto",
  "@node-rs/argon2",
  "nodemailer",
];
// Modules that are secrets themselves rather than importers of them.
const SERVER_FILES = ["lib/env.ts", "lib/db.ts"];

/** A module that touches the database or secrets says so, so that a client component importing it fails the build. */
const requireServerOnly = {
  meta: {
    type: "problem",
    docs: { description: 'Modules that touch the database or secrets import "server-only"' },
    messages: {
      missing:
        'This module touches the database or secrets ({{what}}): add `import "server-only";` so that the build fails if a client component imports it.',
    },
    schema: [],
  },
  create(context) {
    let hasMarker = false;
    let firstSensitive = null;
    const selfSensitive = SERVER_FILES.includes(relativeToRoot(context.filename));
    return {
      ...visitImports((node, specifier, typeOnly) => {
        if (specifier === "server-only") hasMarker = true;
        else if (!typeOnly && !firstSensitive && SERVER_MODULES.includes(importTarget(context.filename, specifier))) {
          firstSensitive = { node, specifier };
        }
      }),
      "Program:exit"(program) {
        if (hasMarker) return;
        if (firstSensitive)
          context.report({
            node: firstSensitive.node,
            messageId: "missing",
            data: { what: `imports ${firstSensitive.specifier}` },
          });
        else if (selfSensitive)
          context.report({
            node: program,
            loc: { line: 1, column: 0 },
            messageId: "missing",
            data: { what: "it is one of them" },
          });
      },
    };
  },
};

/** Configuration is read in one place (lib/env.ts), validated, so a bad setting fails with one clear line. */
const noProcessEnv = {
  meta: {
    type: "problem",
    docs: { description: "process.env is read only in lib/env.ts (and the CLI, tests and config files)" },
    messages: {
      restricted: "Read configuration through lib/env.ts (validated in one place), not process.env.",
    },
    schema: [
      {
        type: "object",
        properties: { allow: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const allow = new Set(context.options[0]?.allow ?? []);
    const isProcess = (node) => node.type === "Identifier" && node.name === "process";
    const propertyName = (member) =>
      member.computed
        ? member.property.type === "Literal"
          ? String(member.property.value)
          : null
        : member.property.name;
    return {
      MemberExpression(node) {
        if (!isProcess(node.object) || propertyName(node) !== "env") return;
        const parent = node.parent;
        if (parent.type === "MemberExpression" && parent.object === node && allow.has(propertyName(parent))) return;
        context.report({ node, messageId: "restricted" });
      },
      // const { env } = process
      VariableDeclarator(node) {
        if (node.init && isProcess(node.init) && node.id.type === "ObjectPattern") {
          if (
            node.id.properties.some((p) => p.type === "Property" && p.key.type === "Identifier" && p.key.name === "env")
          ) {
            context.report({ node, messageId: "restricted" });
          }
        }
      },
    };
  },
};

export const architecture = {
  meta: { name: "architecture" },
  rules: { "db-access": dbAccess, "server-only": requireServerOnly, "no-process-env": noProcessEnv },
};
