// What an audit event's diff says, line by line, before it is put into words: a field
// changed `from → to`, a field's value, or a secret that was set or changed (whose value
// is never shown, whatever the diff holds). Client-safe and pure.

export type DiffLine =
  | { kind: "change"; field: string; from: unknown; to: unknown }
  | { kind: "value"; field: string; value: unknown }
  | { kind: "secret"; field: string; first: boolean };

export interface DiffOptions {
  /** Only these fields, in this order (default: every field of the diff, in its order). */
  fields?: readonly string[];
  /** Fields never shown. */
  skip?: readonly string[];
  /** Show changed fields only, not plain values (which then only feed the sentence). */
  changesOnly?: boolean;
}

/** Fields whose values are secrets, wherever they appear. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  "secret",
  "suiteSecret",
  "suiteTicket",
  "permanentCode",
  "callbackToken",
  "callbackAesKey",
  "password",
  "passwordHash",
  "token",
  "tokenHash",
  "key",
]);

export const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === "object" && v !== null && "from" in v && "to" in v;

const EMPTY_SECRET = new Set([null, undefined, "", "unset", "none"]);

export function diffLines(diff: Record<string, unknown>, options: DiffOptions = {}): DiffLine[] {
  const skip = new Set(options.skip);
  const keys = (options.fields ?? Object.keys(diff)).filter((k) => k in diff && !skip.has(k));
  return keys.flatMap((field): DiffLine[] => {
    const v = diff[field];
    if (SECRET_FIELDS.has(field))
      return [{ kind: "secret", field, first: isChange(v) && EMPTY_SECRET.has(v.from as never) }];
    if (isChange(v)) return [{ kind: "change", field, from: v.from, to: v.to }];
    return options.changesOnly ? [] : [{ kind: "value", field, value: v }];
  });
}
