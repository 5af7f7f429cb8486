// API keys e2e/seed-e2e.ts creates (the demo tenant's admin key and another tenant's),
// kept in .data for the specs: the database holds only their hashes.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const E2E_API_KEYS = fileURLToPath(new URL("../.data/e2e-api-keys.json", import.meta.url));

export interface E2eApiKeys {
  admin: string;
  otherTenant: string;
}

export function readApiKeys(): E2eApiKeys {
  return JSON.parse(readFileSync(E2E_API_KEYS, "utf8")) as E2eApiKeys;
}

/** The keys as secrets no response may carry (none before the seed ran). */
export function apiKeySecrets(): string[] {
  return existsSync(E2E_API_KEYS) ? Object.values(readApiKeys()) : [];
}
