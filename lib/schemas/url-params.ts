// Reading a list's filters from its URL: each value is checked by hand, with no zod,
// because the list pages' client components import their filter modules (for the
// defaults and the URL they write) and zod would be a third of such a page's script
// (docs/decisions/005). A value that does not pass is undefined: its filter's default.

export type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** Every value given for `key`. */
export function allParams(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const v = params[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The first value given for `key`. */
export const oneParam = (params: Params, key: string): string | undefined =>
  allParams(params, key)[0];

/** The value trimmed, when 1 to `max` characters remain. */
export function trimmedText(value: string | undefined, max: number): string | undefined {
  const text = value?.trim();
  return text && text.length <= max ? text : undefined;
}

/** The value when it is one of `choices`. */
export function oneOf<const T extends string>(
  choices: readonly T[],
  value: string | undefined,
): T | undefined {
  return choices.find((c) => c === value);
}

/** A page number: a whole number from 1 to 1,000,000. */
export function pageNumber(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : undefined;
}
