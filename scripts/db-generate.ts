// Derives prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma from the one
// source of models (prisma/models.prisma) and generates a Prisma client for each.
// `--check` only verifies the derived schemas are current (CI).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { PROVIDERS, derivedSchema, schemaPath } from "../lib/db/schema-files.ts";

const check = process.argv.includes("--check");
let stale = false;
for (const provider of PROVIDERS) {
  const path = schemaPath(provider);
  const wanted = derivedSchema(provider);
  let current = "";
  try {
    current = readFileSync(path, "utf8");
  } catch {}
  if (current !== wanted) {
    if (check) {
      console.error(`${path} is stale: run npm run db:generate`);
      stale = true;
      continue;
    }
    mkdirSync(path.replace(/\/[^/]+$/, ""), { recursive: true });
    writeFileSync(path, wanted);
  }
  if (!check) {
    execFileSync("node_modules/.bin/prisma", ["generate", "--schema", path], {
      stdio: ["ignore", "ignore", "inherit"],
      // Generation needs no engine binary; stop Prisma from trying to download one.
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", CHECKPOINT_DISABLE: "1" },
    });
    console.log(`generated the ${provider} client`);
  }
}
if (stale) process.exit(1);
