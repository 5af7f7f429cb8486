"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import {
  confirmAccountImportAction,
  previewAccountImportAction,
  type ImportActionResult,
} from "@/lib/actions/import-accounts";
import type { ImportPreview, PreviewChange, PreviewRow } from "@/lib/accounts/import-accounts";
import { useVerifyRun, VERIFY_START } from "./use-verify-run";
import { VerifyProgress } from "./verify-progress";

type Done = Extract<ImportActionResult, { ok: true }>;

/**
 * Choose a file → preview (nothing written) → confirm (one transaction): the whole file,
 * or only its valid rows (the others listed). The userids it wrote are then verified
 * against WeCom at once, with the progress, as 校验映射 does.
 */
export function ImportPanel() {
  const t = useTranslations("accountsAdmin.import");
  const ta = useTranslations("accountsAdmin");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [reading, startReading] = useTransition();
  const [writing, startWriting] = useTransition();
  const tv = useTranslations("accountsAdmin.verify");
  const verify = useVerifyRun({});

  const formOf = (f: File, token?: string, onlyValid = false) => {
    const form = new FormData();
    form.set("file", f);
    if (token) form.set("token", token);
    if (onlyValid) form.set("onlyValid", "true");
    return form;
  };

  const choose = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setError(null);
    setDone(null);
    verify.reset();
    if (!f) return;
    startReading(async () => {
      try {
        const r = await previewAccountImportAction(formOf(f));
        if (r.ok) setPreview(r.preview);
        else setError(r.formError);
      } catch {
        setError(ta("form.network"));
      }
    });
  };

  const confirm = (onlyValid: boolean) =>
    startWriting(async () => {
      if (!file || !preview) return;
      try {
        const r = await confirmAccountImportAction(formOf(file, preview.token, onlyValid));
        if (r.ok) {
          setDone(r);
          setPreview(null);
          router.refresh();
          if (r.verifySince) void verify.go(VERIFY_START, { createdSince: r.verifySince });
          return;
        }
        setError(r.formError ?? null);
        if (r.preview) setPreview(r.preview);
      } catch {
        setError(ta("form.network"));
      }
    });

  const show = (v: PreviewChange["from"], field: string) =>
    v === null || v === ""
      ? t("emptyValue")
      : typeof v === "boolean" || field === "active"
        ? v
          ? ta("state.active")
          : ta("state.inactive")
        : String(v);
  const fieldName = (c: PreviewChange) =>
    c.field === "userId"
      ? ta("form.userId", { corp: c.corp ?? "" })
      : ["name", "jobNumber", "email", "mobile", "department"].includes(c.field)
        ? ta(`form.${c.field as "name"}`)
        : ta("columns.status");
  const rows = (title: string, list: PreviewRow[], count: number, testId: string) =>
    count === 0 ? null : (
      <section className="space-y-2" data-testid={testId}>
        <h3 className="font-medium">{title}</h3>
        <ul className="divide-y rounded-md border text-sm">
          {list.map((r) => (
            <li key={r.line} className="px-3 py-2">
              <span className="text-muted-foreground">{t("errorLine", { line: r.line })}</span>{" "}
              <span className="font-medium">{r.name}</span>{" "}
              <span className="font-mono text-xs">{r.jobNumber}</span>
              <ul className="text-muted-foreground">
                {r.changes.map((c) => (
                  <li key={`${c.field}-${c.corp ?? ""}`}>
                    {t("change", {
                      field: fieldName(c),
                      from: show(c.from, c.field),
                      to: show(c.to, c.field),
                    })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        {count > list.length ? (
          <p className="text-sm text-muted-foreground">
            {t("more", { count: count - list.length })}
          </p>
        ) : null}
      </section>
    );

  const blocked = !preview || preview.fileErrors.length > 0 || preview.errorCount > 0;
  const nothing = preview && !blocked && preview.addCount + preview.updateCount === 0;
  const valid = preview ? preview.addCount + preview.updateCount : 0;
  // A file with bad rows: its valid rows can still be imported, the others listed.
  const partial = preview && !preview.fileErrors.length && preview.errorCount > 0 && valid > 0;

  return (
    <div className="space-y-5">
      <div className="grid max-w-md gap-2">
        <Label htmlFor="accounts-csv">{t("choose")}</Label>
        <Input
          id="accounts-csv"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
      </div>
      {reading ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Spinner aria-label={t("previewing")} />
          {t("previewing")}
        </p>
      ) : null}
      {error ? (
        <Alert variant="destructive" data-testid="import-error">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {done ? (
        <Alert data-testid="import-done">
          <AlertDescription>
            {t("done", { added: done.added, updated: done.updated, unchanged: done.unchanged })}{" "}
            <Link href="/settings/accounts" className="underline">
              {t("back")}
            </Link>
          </AlertDescription>
        </Alert>
      ) : null}
      {done?.skippedCount ? (
        <section className="space-y-2" data-testid="import-skipped">
          <h2 className="font-medium">{t("skippedTitle", { count: done.skippedCount })}</h2>
          <ul className="divide-y rounded-md border border-destructive/40 text-sm">
            {done.skipped.map((e, i) => (
              <li key={`${e.line}-${e.column}-${i}`} className="px-3 py-2">
                <span className="font-medium">{t("errorLine", { line: e.line })}</span>
                {e.column ? <span className="text-muted-foreground"> · {e.column}</span> : null}
                {t("messageAfter", { message: e.message })}
              </li>
            ))}
          </ul>
          {done.skippedCount > done.skipped.length ? (
            <p className="text-sm text-muted-foreground">
              {t("more", { count: done.skippedCount - done.skipped.length })}
            </p>
          ) : null}
        </section>
      ) : null}
      {done?.verifySince ? (
        <section className="space-y-2" data-testid="import-verify">
          <h2 className="font-medium">{t("verifyTitle")}</h2>
          <VerifyProgress run={verify.run} />
          {verify.run.phase === "stopped" || verify.run.phase === "failed" ? (
            <Button
              variant="outline"
              onClick={() => void verify.go(verify.run, { createdSince: done.verifySince! })}
            >
              {tv("resume")}
            </Button>
          ) : null}
        </section>
      ) : null}
      {preview ? (
        <div className="space-y-4" data-testid="import-preview">
          <h2 className="text-lg font-semibold">{t("summaryTitle")}</h2>
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant="success">{t("add", { count: preview.addCount })}</Badge>
            <Badge variant="secondary">{t("update", { count: preview.updateCount })}</Badge>
            <Badge variant="outline">{t("unchanged", { count: preview.unchanged })}</Badge>
            <Badge variant={preview.errorCount ? "destructive" : "outline"}>
              {t("errors", { count: preview.errorCount })}
            </Badge>
            <span className="text-xs text-muted-foreground">
              {t("encoding", { encoding: preview.encoding.toUpperCase() })}
            </span>
          </div>
          {preview.fileErrors.length ? (
            <Alert variant="destructive" data-testid="import-file-errors">
              <AlertTitle>{t("fileErrorsTitle")}</AlertTitle>
              <AlertDescription>
                <ul className="list-disc pl-4">
                  {preview.fileErrors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </AlertDescription>
            </Alert>
          ) : null}
          {preview.errorCount ? (
            <section className="space-y-2" data-testid="import-row-errors">
              <p className="text-sm text-destructive">{t("errorsTitle")}</p>
              <ul className="divide-y rounded-md border border-destructive/40 text-sm">
                {preview.errors.map((e, i) => (
                  <li key={`${e.line}-${e.column}-${i}`} className="px-3 py-2">
                    <span className="font-medium">{t("errorLine", { line: e.line })}</span>
                    {e.column ? <span className="text-muted-foreground"> · {e.column}</span> : null}
                    {t("messageAfter", { message: e.message })}
                  </li>
                ))}
              </ul>
              {preview.errorCount > preview.errors.length ? (
                <p className="text-sm text-muted-foreground">
                  {t("more", { count: preview.errorCount - preview.errors.length })}
                </p>
              ) : null}
            </section>
          ) : null}
          {nothing ? <p className="text-sm">{t("nothing")}</p> : null}
          {rows(t("addTitle"), preview.add, preview.addCount, "import-add")}
          {rows(t("updateTitle"), preview.update, preview.updateCount, "import-update")}
          {!blocked && !nothing ? (
            <Button onClick={() => confirm(false)} disabled={writing}>
              {writing ? <Spinner aria-label={t("confirming")} /> : null}
              {writing ? t("confirming") : t("confirm")}
            </Button>
          ) : null}
          {partial ? (
            <div className="space-y-2">
              <p className="text-sm text-muted-foreground">
                {t("onlyValidHint", { count: preview?.errorCount ?? 0 })}
              </p>
              <Button onClick={() => confirm(true)} disabled={writing}>
                {writing ? <Spinner aria-label={t("confirming")} /> : null}
                {writing ? t("confirming") : t("onlyValid", { count: valid })}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
