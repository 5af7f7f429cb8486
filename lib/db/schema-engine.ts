// Prisma's migration engine, run as WebAssembly through a driver adapter. The Prisma
// CLI cannot run here: it downloads a native schema-engine binary from Prisma's host,
// which is unreachable (see docs "Prisma without its binaries" in stack-notes.md).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaSqlite } from "./libsql-connection.ts";
import { providerOf } from "./schema-files.ts";

export type { SchemaEngine };
type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let loading: Promise<EngineModule> | undefined;

// The package's own entry imports the .wasm file as an ES module, which Node cannot
// do without a flag, so the glue is wired by hand. Once per process: the glue module
// holds the one wasm instance.
function loadEngineModule(): Promise<EngineModule> {
  loading ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const gluePath = createRequire(import.meta.url).resolve(
      "@prisma/schema-engine-wasm/schema_engine_bg",
    );
    const bytes = await readFile(join(dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return loading;
}

export function adapterFactoryFor(url: string): SqlMigrationAwareDriverAdapterFactory {
  return providerOf(url) === "sqlite"
    ? new PrismaSqlite(url)
    : new PrismaPg({ connectionString: url });
}

export interface EngineOptions {
  url: string;
  /** [path, content] of Prisma schema files; the path only labels diagnostics. */
  datamodels: [string, string][];
}

/**
 * Runs `work` with a fresh engine connected to `url`, then frees the engine and closes
 * every connection it opened (the engine itself never closes them, and an open
 * SQLite handle keeps the file locked).
 */
export async function withSchemaEngine<T>(
  opts: EngineOptions,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const raw = adapterFactoryFor(opts.url);
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: raw.provider,
    adapterName: raw.adapterName,
    connect: async () => remember(await raw.connect()),
    connectToShadowDb: async () => remember(await raw.connectToShadowDb()),
  };
  function remember(adapter: SqlDriverAdapter): SqlDriverAdapter {
    opened.push(adapter);
    return adapter;
  }
  const bound = bindMigrationAwareSqlAdapterFactory(tracked);
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new({ datamodels: opts.datamodels }, () => {}, bound);
    return await work(engine);
  } catch (error) {
    throw realError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

// A JS exception inside the adapter reaches the engine only as an id ("External
// error id#0"); the original error waits in the registry the adapter was bound with.
function realError(
  error: unknown,
  registry: { consumeError(id: number): { error: unknown } | undefined },
): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const id = /id#(\d+)/.exec(message)?.[1];
  const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (original === undefined) return error;
  const detail = original instanceof Error ? original.message : String(original);
  return new Error(`${message}: ${detail}`, { cause: original });
}
