// The result of a batch as CSV: the rows as uploaded, plus what became of each, so that
// it can be pasted back into the OA sheet. Every cell through csvCell (formula-safe).
import "server-only";
import { stringify } from "csv-stringify/sync";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import type { BatchView } from "./batch-view";
import { BATCH_FIELDS, headerOf } from "./columns";
import { csvCell } from "./csv-cell";
import { batchMessages } from "./texts";

export function resultCsv(batch: BatchView, locale: Locale, origin: string): string {
  const t = createTranslator({ locale, messages: locale === "en" ? en : zh, namespace: "batches" });
  const text = batchMessages(locale);
  const fields = BATCH_FIELDS.filter((f) => batch.rows.some((r) => r.cells[f] !== undefined));
  const header = [
    ...fields.map((f) => headerOf(f, locale)),
    t("columns.status"),
    t("columns.meeting"),
    t("columns.meetingid"),
    t("columns.code"),
    t("columns.link"),
    t("columns.reason"),
  ];
  const rows = batch.rows.map((r) => [
    ...fields.map((f) => r.cells[f] ?? ""),
    r.alreadyBooked
      ? `${t(`status.${r.status}`)}（${t("alreadyBooked")}）`
      : t(`status.${r.status}`),
    r.meetingId ? `${origin}/meetings/${r.meetingId}` : "",
    r.wecomMeetingId ?? "",
    r.meetingCode ?? "",
    r.meetingLink ?? "",
    [r.reason, ...r.errors.map((e) => e.message)]
      .filter(Boolean)
      .map((m) => text(m))
      .join("；"),
  ]);
  return `\uFEFF${stringify([header, ...rows].map((row) => row.map(csvCell)))}`;
}
