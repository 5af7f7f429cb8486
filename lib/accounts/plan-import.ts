// What an accounts CSV would do to the tenant: accounts to add, to update, unchanged, and
// the rows that cannot be imported. Keyed on the job number, so importing the same file
// twice changes nothing the second time. Pure: the tenant's accounts come in a snapshot.
import { msg } from "@/lib/schemas/messages";
import {
  diffAccount,
  type AccountChange,
  type ExistingAccount,
  type ExistingMapping,
} from "./account-change";
import type { CsvCorp } from "./csv-format";
import type { ReadCsvResult, RowError } from "./read-csv";

export interface ImportSnapshot {
  corps: CsvCorp[];
  accounts: ExistingAccount[];
  mappings: ExistingMapping[];
}

export interface ImportPlan {
  add: AccountChange[];
  update: AccountChange[];
  unchanged: number;
  errors: RowError[];
}

/** The message when a userid already belongs to another account in its corp. */
export function userIdTaken(userId: string, holder: { name: string; jobNumber: string }): string {
  return msg("userIdTaken", { userId, name: holder.name, jobNumber: holder.jobNumber });
}

export function planImport(read: ReadCsvResult, snap: ImportSnapshot): ImportPlan {
  const errors: RowError[] = [...read.errors];
  const byJob = new Map(snap.accounts.map((a) => [a.jobNumber, a]));
  const byId = new Map(snap.accounts.map((a) => [a.id, a]));
  const mappingsOf = new Map<string, Map<string, ExistingMapping>>();
  const holders = new Map<string, Map<string, string>>();
  for (const m of snap.mappings) {
    let mine = mappingsOf.get(m.oaAccountId);
    if (!mine) mappingsOf.set(m.oaAccountId, (mine = new Map()));
    mine.set(m.corpRowId, m);
    let corp = holders.get(m.corpRowId);
    if (!corp) holders.set(m.corpRowId, (corp = new Map()));
    corp.set(m.wecomUserId, m.oaAccountId);
  }
  const corpColumns = read.columns.flatMap((c) => (c.kind === "userId" ? [c] : []));
  const jobHeader =
    read.columns.find((c) => c.kind === "field" && c.field === "jobNumber")?.header ?? "";

  // 1. One row per job number.
  const firstLine = new Map<string, number>();
  const rows = read.rows.filter((r) => {
    const seen = firstLine.get(r.values.jobNumber);
    if (seen === undefined) {
      firstLine.set(r.values.jobNumber, r.line);
      return true;
    }
    errors.push({
      line: r.line,
      column: jobHeader,
      message: msg("jobNumberDuplicate", { line: seen }),
    });
    return false;
  });
  const keyOf = (jobNumber: string) => byJob.get(jobNumber)?.id ?? `new:${jobNumber}`;

  // 2. Each account's userid per corp once the file is applied, to tell a userid that
  //    the file moves from one account to another from one that stays taken.
  const after = new Map<string, Map<string, string>>();
  for (const c of corpColumns) {
    const m = new Map<string, string>();
    for (const r of rows) m.set(keyOf(r.values.jobNumber), r.values.userIds[c.corpRowId] ?? "");
    after.set(c.corpRowId, m);
  }

  const plan: ImportPlan = { add: [], update: [], unchanged: 0, errors };
  const usedInFile = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = keyOf(r.values.jobNumber);
    let ok = true;
    for (const c of corpColumns) {
      const userId = r.values.userIds[c.corpRowId] ?? "";
      if (userId === "") continue;
      let used = usedInFile.get(c.corpRowId);
      if (!used) usedInFile.set(c.corpRowId, (used = new Map()));
      const earlier = used.get(userId);
      if (earlier !== undefined) {
        ok = false;
        errors.push({
          line: r.line,
          column: c.header,
          message: msg("userIdDuplicate", { userId, line: earlier }),
        });
        continue;
      }
      used.set(userId, r.line);
      const holderId = holders.get(c.corpRowId)?.get(userId);
      if (!holderId || holderId === key) continue;
      const holderAfter = after.get(c.corpRowId)?.get(holderId);
      if (holderAfter === undefined || holderAfter === userId) {
        ok = false;
        const holder = byId.get(holderId)!;
        errors.push({ line: r.line, column: c.header, message: userIdTaken(userId, holder) });
      }
    }
    if (!ok) continue;
    const before = byJob.get(r.values.jobNumber) ?? null;
    const change = diffAccount(before, r.values, {
      fields: r.fields,
      corpRowIds: corpColumns.map((c) => c.corpRowId),
      mappings: (before && mappingsOf.get(before.id)) || new Map(),
      active: r.active,
      line: r.line,
    });
    if (!change) plan.unchanged++;
    else if (change.accountId) plan.update.push(change);
    else plan.add.push(change);
  }
  errors.sort((a, b) => a.line - b.line);
  return plan;
}
