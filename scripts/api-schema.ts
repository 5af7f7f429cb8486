// npm run api:schema: regenerates lib/api/client/schema.d.ts from the API's OpenAPI document.
import { writeFile } from "node:fs/promises";
import { generateSchemaTypes, SCHEMA_FILE } from "../lib/api/client/generate.ts";

await writeFile(SCHEMA_FILE, await generateSchemaTypes());
console.log(`wrote ${SCHEMA_FILE.pathname}`);
process.exit(0);
