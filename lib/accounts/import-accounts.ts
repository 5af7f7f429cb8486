import "server-only";
import { createHash } from "node:crypto";
import type { TenantDb } from "@/lib/db/tenant-scope";
import { msg } from "@/lib/schemas/messages";
import type { AccountChange } from "./account-change";
import { AccountWriteConflict, applyAccountChanges } from "./apply-changes";
import { planImport, type ImportPlan, type ImportSnapshot } from "./plan-import";
import { readAccountsCsv, type CsvEncoding, type RowError } from "./read-csv";
import type { AccountActor } from "./types";

// The CSV import: a preview (nothing written), then the same file confirmed and written
// in one transaction (all of it, or with onlyValid its valid rows, the others listed). The preview's token is a hash of what it showed; a confirmation
// whose file or tenant data now plans something else is refused with the new preview.

/** How many rows of each list a preview carries to the browser (counts are complete). */
export const PREVIEW_LIMIT = 200;

export interface PreviewChange {
  /** an AccountData key, or "userId" with the corp's name */
  field: string;
  corp?: string;
  from: string | boolean | null;
  to: string | boolean | null;
}

export interface PreviewRow {
  line: number;
  jobNumber: string;
  name: string;
  changes: PreviewChange[];
}

export interface ImportPreview {
  encoding: CsvEncoding;
  fileErrors: string[];
  errors: RowError[];
  errorCount: number;
  add: PreviewRow[];
  addCount: number;
  update: PreviewRow[];
  updateCount: number;
  unchanged: number;
  token: string;
}

export async function loadImportSnapshot(db: TenantDb): Promise<ImportSnapshot> {
  const [corps, accounts, mappings] = await Promise.all([
    db.corp.findMany({
      select: { id: true, corpId: true, name: true },
      orderBy: { createdAt: "asc" },
    }),
    db.oaAccount.findMany({
      select: {
        id: true,
        name: true,
        jobNumber: true,
        email: true,
        mobile: true,
        department: true,
        active: true,
      },
    }),
    db.mapping.findMany({
      select: { id: true, corpRowId: true, oaAccountId: true, wecomUserId: true },
    }),
  ]);
  return {
    corps,
    accounts: accounts.map((a) => ({ ...a, jobNumber: a.jobNumber ?? "" })),
    mappings,
  };
}

function previewRow(c: AccountChange, corpNames: ReadonlyMap<string, string>): PreviewRow {
  return {
    line: c.line ?? 0,
    jobNumber: c.data.jobNumber,
    name: c.data.name,
    changes: [
      ...Object.entries(c.fields).map(([field, d]) => ({
        field,
        from: d.from as string | boolean | null,
        to: d.to as string | boolean | null,
      })),
      ...c.mappings.map((m) => ({
        field: "userId",
        corp: corpNames.get(m.corpRowId) ?? "",
        from: m.from,
        to: m.to,
      })),
    ],
  };
}

function planToken(plan: ImportPlan): string {
  const strip = (c: AccountChange) => [c.accountId, c.data, c.mappings];
  return createHash("sha256")
    .update(JSON.stringify([plan.add.map(strip), plan.update.map(strip), plan.errors.length]))
    .digest("base64url")
    .slice(0, 32);
}

async function plan(actor: AccountActor, bytes: Uint8Array) {
  const snap = await loadImportSnapshot(actor.db);
  const read = readAccountsCsv(bytes, snap.corps);
  const p = planImport(read, snap);
  const corpNames = new Map(snap.corps.map((c) => [c.id, c.name]));
  const preview: ImportPreview = {
    encoding: read.encoding,
    fileErrors: read.fileErrors,
    errors: p.errors.slice(0, PREVIEW_LIMIT * 2),
    errorCount: p.errors.length,
    add: p.add.slice(0, PREVIEW_LIMIT).map((c) => previewRow(c, corpNames)),
    addCount: p.add.length,
    update: p.update.slice(0, PREVIEW_LIMIT).map((c) => previewRow(c, corpNames)),
    updateCount: p.update.length,
    unchanged: p.unchanged,
    token: planToken(p),
  };
  return { plan: p, preview, corpNames };
}

/** What importing the file would do. Writes nothing. */
export async function previewImport(
  actor: AccountActor,
  bytes: Uint8Array,
): Promise<ImportPreview> {
  return (await plan(actor, bytes)).preview;
}

export type ConfirmImportResult =
  | {
      ok: true;
      added: number;
      updated: number;
      unchanged: number;
      /** The rows left out (onlyValid), with why; at most PREVIEW_LIMIT * 2 of them. */
      skipped: RowError[];
      skippedCount: number;
      /**
       * When the import wrote new userids: verify the mappings created since then
       * (verifyMappingsBatch's `createdSince`), the ones this import wrote. Else null.
       */
      verifySince: string | null;
    }
  | { ok: false; formError: string; preview: ImportPreview };

/**
 * Imports the file previewed with `token`, in one transaction. A row error refuses the
 * file, unless `onlyValid`: then the valid rows are imported and the others listed.
 */
export async function confirmImport(
  actor: AccountActor,
  bytes: Uint8Array,
  token: string,
  opts: { onlyValid?: boolean } = {},
): Promise<ConfirmImportResult> {
  const { plan: p, preview, corpNames } = await plan(actor, bytes);
  if (preview.fileErrors.length || (p.errors.length && !opts.onlyValid))
    return { ok: false, formError: msg("importHasErrors"), preview };
  if (preview.token !== token) return { ok: false, formError: msg("importStale"), preview };
  const changes = [...p.add, ...p.update];
  const firstUserId = changes.flatMap((c) => c.mappings).find((m) => m.to !== null);
  try {
    await applyAccountChanges(actor, changes, { corpNames, via: "import" });
  } catch (err) {
    if (!(err instanceof AccountWriteConflict)) throw err;
    const again = await previewImport(actor, bytes);
    return { ok: false, formError: msg("importStale"), preview: again };
  }
  // The first userid written: the others were written in the same transaction, after it.
  const since = firstUserId
    ? await actor.db.mapping.findFirst({
        where: { corpRowId: firstUserId.corpRowId, wecomUserId: firstUserId.to! },
        select: { createdAt: true },
      })
    : null;
  return {
    ok: true,
    added: p.add.length,
    updated: p.update.length,
    unchanged: p.unchanged,
    skipped: p.errors.slice(0, PREVIEW_LIMIT * 2),
    skippedCount: p.errors.length,
    verifySince: since?.createdAt.toISOString() ?? null,
  };
}
