// The accounts CSV file format, shared by import, export and the template (and shown on
// the import page). A header row names the columns, in Chinese or English, in any order:
//   姓名/name, 工号/jobNumber (both required), 邮箱/email, 手机/mobile, 部门/department,
//   状态/status (启用|停用, active|inactive), and one column per corp for its WeCom userid:
//   "企业微信账号" when the tenant has one corp, "企业微信账号:<corpid>" always
//   (English "wecomUserId", "wecomUserId:<corpid>").
// A column left out of the file is left alone by the import; an empty cell in a column
// that is there clears the value (an empty userid removes the mapping).
import type { AccountTextField } from "@/lib/schemas/account";
import { msg } from "@/lib/schemas/messages";

export type CsvLocale = "zh-CN" | "en";

export const FIELD_HEADERS: Record<AccountTextField | "status", { zh: string; en: string }> = {
  name: { zh: "姓名", en: "name" },
  jobNumber: { zh: "工号", en: "jobNumber" },
  email: { zh: "邮箱", en: "email" },
  mobile: { zh: "手机", en: "mobile" },
  department: { zh: "部门", en: "department" },
  status: { zh: "状态", en: "status" },
};
export const USER_ID_HEADER = { zh: "企业微信账号", en: "wecomUserId" } as const;
export const STATUS_VALUES = {
  active: { zh: "启用", en: "active" },
  inactive: { zh: "停用", en: "inactive" },
} as const;

/** Other spellings people type or Excel templates carry, lower-cased. */
const ALIASES: Record<string, AccountTextField | "status"> = {
  姓名: "name",
  name: "name",
  工号: "jobNumber",
  jobnumber: "jobNumber",
  "job number": "jobNumber",
  job_number: "jobNumber",
  邮箱: "email",
  电子邮箱: "email",
  email: "email",
  手机: "mobile",
  手机号: "mobile",
  手机号码: "mobile",
  mobile: "mobile",
  部门: "department",
  department: "department",
  状态: "status",
  status: "status",
};
const USER_ID_RE =
  /^(企业微信账号|企业微信帐号|wecomuserid|wecom userid|userid)\s*(?:[:：]\s*(\S+))?$/i;

export interface CsvCorp {
  id: string;
  corpId: string;
  name: string;
}

export type CsvColumn =
  | { kind: "field"; field: AccountTextField | "status"; header: string }
  | { kind: "userId"; corpRowId: string; header: string }
  | { kind: "ignored"; header: string };

/** Reads a header row: the columns, or the problems with it (encoded messages). */
export function readHeader(
  header: string[],
  corps: CsvCorp[],
): { columns: CsvColumn[]; errors: string[] } {
  const errors: string[] = [];
  const seen = new Set<string>();
  const columns = header.map((raw): CsvColumn => {
    const h = raw.trim();
    if (h === "") return { kind: "ignored", header: h };
    const field = ALIASES[h.toLowerCase()];
    let key: string | undefined;
    let column: CsvColumn | undefined;
    if (field) {
      key = field;
      column = { kind: "field", field, header: h };
    } else {
      const m = USER_ID_RE.exec(h);
      if (m) {
        const corpId = m[2];
        const corp = corpId
          ? corps.find((c) => c.corpId.toLowerCase() === corpId.toLowerCase())
          : corps.length === 1
            ? corps[0]
            : undefined;
        if (!corp) {
          errors.push(
            corpId
              ? msg("headerUnknownCorp", { column: h, corpId })
              : corps.length === 0
                ? msg("headerNoCorp", { column: h })
                : msg("headerAmbiguousCorp", { column: h }),
          );
          return { kind: "ignored", header: h };
        }
        key = `corp:${corp.id}`;
        column = { kind: "userId", corpRowId: corp.id, header: h };
      }
    }
    if (!column || !key) {
      errors.push(msg("headerUnknown", { column: h }));
      return { kind: "ignored", header: h };
    }
    if (seen.has(key)) errors.push(msg("headerDuplicate", { column: h }));
    seen.add(key);
    return column;
  });
  for (const required of ["name", "jobNumber"] as const) {
    if (!seen.has(required))
      errors.push(msg("headerMissing", { column: FIELD_HEADERS[required].zh }));
  }
  return { columns, errors };
}

/** The header row of an export and of the template: every field, then one column per corp. */
export function exportHeader(
  corps: CsvCorp[],
  locale: CsvLocale,
): { header: string[]; corpOrder: string[] } {
  const lang = locale === "en" ? "en" : "zh";
  const fields = (["name", "jobNumber", "email", "mobile", "department", "status"] as const).map(
    (f) => FIELD_HEADERS[f][lang],
  );
  const userIds = corps.map((c) =>
    corps.length === 1 ? USER_ID_HEADER[lang] : `${USER_ID_HEADER[lang]}:${c.corpId}`,
  );
  return { header: [...fields, ...userIds], corpOrder: corps.map((c) => c.id) };
}

/** A status cell: true active, false inactive, undefined blank, null unreadable. */
export function readStatus(cell: string): boolean | undefined | null {
  const v = cell.trim().toLowerCase();
  if (v === "") return undefined;
  if (["启用", "active", "1", "是", "yes", "true"].includes(v)) return true;
  if (["停用", "inactive", "0", "否", "no", "false", "禁用"].includes(v)) return false;
  return null;
}

export function statusCell(active: boolean, locale: CsvLocale): string {
  return STATUS_VALUES[active ? "active" : "inactive"][locale === "en" ? "en" : "zh"];
}
