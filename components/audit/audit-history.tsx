// The one history view (变更记录) of the settings pages: when, who and from where, what
// was done and what changed, newest first. Each page names its messages (a namespace with
// title, description, empty, actions.*, fields.*, values.*) and, where its events need
// more than the defaults, how a value or a whole event reads.
import { History } from "lucide-react";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { TableCard } from "@/components/shell/table-card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { diffLines, type DiffLine, type DiffOptions } from "@/lib/audit/format-diff";
import { HISTORY_LIMIT, type AuditEntry } from "@/lib/audit/load-history";

type Translate = ((key: string, params?: Record<string, string | number>) => string) & {
  has(key: string): boolean;
};

/** The namespaces that hold a history's words. */
export type HistoryMessages =
  | "apiKeys.history"
  | "appsAdmin.audit"
  | "accountsAdmin.history"
  | "tenantSettings.history"
  | "usersAdmin.history";

export interface AuditHistoryProps {
  entries: AuditEntry[];
  timeZone: string;
  messages: HistoryMessages;
  testId: string;
  /** Which fields of a diff are lines. */
  diff?: DiffOptions;
  /** How a value reads, where the defaults (yes/no, values.*, as is) do not fit. */
  valueLabel?: (field: string, value: unknown) => string | undefined;
  /** The event in one sentence (default: actions.<action>, with the diff's plain values). */
  describe?: (entry: AuditEntry) => string;
  /** Entries grouped by object, each group folded (the apps page: one per corp and app). */
  groups?: { objectId: string; title: string; testId: string }[];
  /** Inside a card with its own title: no heading. */
  bare?: boolean;
}

export async function AuditHistory(props: AuditHistoryProps) {
  const { entries, timeZone, testId, groups, bare } = props;
  const [tRaw, tAuditRaw, format] = await Promise.all([
    getTranslations(props.messages),
    getTranslations("audit"),
    getFormatter(),
  ]);
  const t = tRaw as unknown as Translate;
  const ta = tAuditRaw as unknown as Translate;

  const field = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : key);
  const value = (key: string, v: unknown): string => {
    const own = props.valueLabel?.(key, v);
    if (own !== undefined) return own;
    if (v === null || v === undefined || v === "") return ta("emptyValue");
    if (typeof v === "boolean") return ta(v ? "yes" : "no");
    if (typeof v === "string" && t.has(`values.${v}`)) return t(`values.${v}`);
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  };
  const line = (l: DiffLine): string => {
    if (l.kind === "secret")
      return ta(l.first ? "secretSet" : "secretChanged", { field: field(l.field) });
    if (l.kind === "change")
      return ta("change", {
        field: field(l.field),
        from: value(l.field, l.from),
        to: value(l.field, l.to),
      });
    return ta("value", { field: field(l.field), value: value(l.field, l.value) });
  };
  const sentence = (e: AuditEntry): string => {
    if (props.describe) return props.describe(e);
    const key = `actions.${e.action.replaceAll(".", "_")}`;
    const params = Object.fromEntries(
      Object.entries(e.diff).flatMap(([k, v]) =>
        typeof v === "string" || typeof v === "number" ? [[k, value(k, v)]] : [],
      ),
    );
    return t.has(key) ? t(key, params) : t("actions.other", { action: e.action });
  };

  const table = (list: AuditEntry[], id?: string) => (
    <TableCard testId={id}>
      <TableHeader>
        <TableRow>
          <TableHead className="w-44">{ta("columns.time")}</TableHead>
          <TableHead className="w-40">{ta("columns.actor")}</TableHead>
          <TableHead>{ta("columns.change")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.map((e) => {
          const lines = diffLines(e.diff, props.diff).map(line);
          return (
            <TableRow key={e.id} data-testid="audit-entry" className="align-top">
              <TableCell className="whitespace-nowrap text-muted-foreground">
                {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short", timeZone })}
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap items-center gap-1">
                  <span>{e.actorName ?? ta("system")}</span>
                  {e.source === "web" ? null : (
                    <Badge variant="outline">{ta(`sources.${e.source}`)}</Badge>
                  )}
                </div>
              </TableCell>
              <TableCell className="whitespace-normal">
                <div className="font-medium">{sentence(e)}</div>
                {lines.length ? (
                  <ul className="grid gap-0.5 text-muted-foreground">
                    {lines.map((l, i) => (
                      <li key={i} className="break-all">
                        {l}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </TableCard>
  );

  let body: ReactNode;
  if (entries.length === 0) {
    body = <EmptyState icon={<History />} title={t("empty")} className="py-6" />;
  } else if (groups) {
    const byObject = new Map<string, AuditEntry[]>();
    for (const e of entries) byObject.set(e.objectId, [...(byObject.get(e.objectId) ?? []), e]);
    body = (
      <div className="grid gap-2">
        {groups
          .filter((g) => byObject.has(g.objectId))
          .map((g) => {
            const list = byObject.get(g.objectId)!;
            return (
              <details key={g.objectId} data-testid={g.testId} className="rounded-lg border">
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-4 py-3 text-sm">
                  <span className="font-medium">{g.title}</span>
                  <span className="text-muted-foreground">
                    {ta("count", { count: list.length })}
                  </span>
                </summary>
                <div className="px-2 pb-2">{table(list)}</div>
              </details>
            );
          })}
      </div>
    );
  } else {
    body = table(entries, testId);
  }
  if (bare) return <div data-testid={groups ? testId : undefined}>{body}</div>;

  const headingId = `${testId}-title`;
  return (
    <section
      className="mt-8 grid gap-3"
      aria-labelledby={headingId}
      data-testid={groups ? testId : undefined}
    >
      <div>
        <h2 id={headingId} className="text-lg font-semibold">
          {t("title")}
        </h2>
        {t.has("description") ? (
          <p className="text-sm text-muted-foreground">
            {t("description", { count: HISTORY_LIMIT })}
          </p>
        ) : null}
      </div>
      {body}
    </section>
  );
}
