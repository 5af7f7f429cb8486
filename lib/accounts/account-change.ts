// One change to an OA account and its mappings, as the form and the import both make it:
// the values after the change, what changed (for the audit trail and the preview) and
// the mappings to remove, add or change. Pure.
import type { AccountTextField, AccountValues } from "@/lib/schemas/account";

export interface AccountData {
  name: string;
  jobNumber: string;
  email: string | null;
  mobile: string | null;
  department: string | null;
  active: boolean;
}

export interface ExistingAccount extends AccountData {
  id: string;
}

export interface ExistingMapping {
  id: string;
  corpRowId: string;
  oaAccountId: string;
  wecomUserId: string;
}

export type FieldDiff = Partial<Record<keyof AccountData, { from: unknown; to: unknown }>>;

export interface MappingChange {
  corpRowId: string;
  /** The userid before, or null when the account had none in this corp. */
  from: string | null;
  /** The userid after, or null to remove the mapping. */
  to: string | null;
  /** The mapping row that holds `from`. */
  mappingId: string | null;
}

export interface AccountChange {
  /** The CSV line, for an import. */
  line?: number;
  /** null: a new account. */
  accountId: string | null;
  data: AccountData;
  fields: FieldDiff;
  mappings: MappingChange[];
}

const orNull = (s: string) => (s === "" ? null : s);

/**
 * The change that `values` makes to `before` (null for a new account), or null when it
 * changes nothing. Only `fields` and the corps in `corpRowIds` are compared: a column the
 * import file leaves out is left alone.
 */
export function diffAccount(
  before: ExistingAccount | null,
  values: AccountValues,
  opts: {
    fields: ReadonlySet<AccountTextField>;
    corpRowIds: readonly string[];
    mappings: ReadonlyMap<string, { id: string; wecomUserId: string }>;
    /** The new active state; undefined keeps it (a new account is active). */
    active?: boolean;
    line?: number;
  },
): AccountChange | null {
  const data: AccountData = before
    ? {
        name: before.name,
        jobNumber: before.jobNumber,
        email: before.email,
        mobile: before.mobile,
        department: before.department,
        active: before.active,
      }
    : { name: "", jobNumber: "", email: null, mobile: null, department: null, active: true };
  for (const f of opts.fields) {
    if (f === "name" || f === "jobNumber") data[f] = values[f];
    else data[f] = orNull(values[f]);
  }
  if (opts.active !== undefined) data.active = opts.active;

  const fields: FieldDiff = {};
  for (const key of Object.keys(data) as (keyof AccountData)[]) {
    const from = before ? before[key] : key === "active" ? undefined : null;
    if (from !== data[key] && !(before === null && key === "active" && data.active)) {
      fields[key] = { from: before ? from : null, to: data[key] };
    }
  }
  const mappings: MappingChange[] = [];
  for (const corpRowId of opts.corpRowIds) {
    const current = opts.mappings.get(corpRowId);
    const to = orNull(values.userIds[corpRowId] ?? "");
    const from = current?.wecomUserId ?? null;
    if (from !== to) mappings.push({ corpRowId, from, to, mappingId: current?.id ?? null });
  }
  if (before && Object.keys(fields).length === 0 && mappings.length === 0) return null;
  return {
    ...(opts.line !== undefined ? { line: opts.line } : {}),
    accountId: before?.id ?? null,
    data,
    fields,
    mappings,
  };
}
