// Where the per-provider schemas and migrations live, and how a derived schema is
// built from prisma/models.prisma. Used by the generate, migrate and new-migration scripts.
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { type Provider } from "./provider.ts";

export { PROVIDERS, providerOf, type Provider } from "./provider.ts";

const root = join(import.meta.dirname, "..", "..");

export const modelsPath = join(root, "prisma", "models.prisma");
export const schemaPath = (p: Provider) => join(root, "prisma", p, "schema.prisma");
export const migrationsDir = (p: Provider) => join(root, "prisma", p, "migrations");

// PostgreSQL loads a query's relations in the same statement (JSON aggregation and
// lateral joins) instead of one statement per relation: a booking's key lookup, app read
// and answer each become one round trip (docs/decisions/017). SQLite has no such strategy.
const RELATION_JOINS = `\n  previewFeatures        = ["relationJoins"]`;

export function derivedSchema(
  provider: Provider,
  models = readFileSync(modelsPath, "utf8"),
): string {
  const header = `// GENERATED from prisma/models.prisma by \`npm run db:generate\`: do not edit.

generator client {
  provider               = "prisma-client"
  output                 = "../../lib/db/generated/${provider}"
  runtime                = "nodejs"
  moduleFormat           = "esm"
  generatedFileExtension = "ts"
  importFileExtension    = "ts"${provider === "postgresql" ? RELATION_JOINS : ""}
}

datasource db {
  provider = "${provider}"
}

`;
  return header + models;
}
