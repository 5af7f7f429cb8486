// The committed client types are exactly what the server's OpenAPI document generates.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes, SCHEMA_FILE } from "./generate";

describe("the typed API client", () => {
  it("is generated from the OpenAPI document the server serves (npm run api:schema)", async () => {
    const committed = await readFile(SCHEMA_FILE, "utf8");
    expect(committed).toBe(await generateSchemaTypes());
  }, 60_000);
});
