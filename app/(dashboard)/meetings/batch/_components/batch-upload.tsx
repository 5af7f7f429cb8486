"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import {
  createBatchAction,
  previewBatchAction,
  type BatchPreviewResult,
} from "@/lib/actions/batches";
import { BatchPreviewTable } from "./batch-preview-table";

type Preview = Extract<BatchPreviewResult, { ok: true }>;

/** Choose a file → every row checked (nothing sent) → confirm → the batch's progress page. */
export function BatchUpload({ maxRows }: { maxRows: number }) {
  const t = useTranslations("batches");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyValid, setOnlyValid] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reading, startReading] = useTransition();
  const [writing, startWriting] = useTransition();

  const formOf = (f: File) => {
    const form = new FormData();
    form.set("file", f);
    form.set("onlyValid", String(onlyValid));
    return form;
  };
  const choose = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setError(null);
    setOnlyValid(false);
    if (!f) return;
    startReading(async () => {
      const r = await previewBatchAction(formOf(f)).catch(() => null);
      if (r?.ok) setPreview(r);
      else setError(r?.formError ?? t("errors.noFile"));
    });
  };
  const book = () =>
    startWriting(async () => {
      if (!file) return;
      const r = await createBatchAction(formOf(file)).catch(() => null);
      if (r?.ok) router.push(`/meetings/batch/${r.batchId}`);
      else {
        setConfirming(false);
        setError(r?.formError ?? t("errors.noFile"));
      }
    });

  const rows = preview?.rows ?? [];
  const withErrors = rows.filter((r) => !r.already && r.errors.length).length;
  const already = rows.filter((r) => r.already).length;
  const ready = rows.length - withErrors - already;
  const warned = rows.filter((r) => !r.already && !r.errors.length && r.warnings.length).length;
  const mayBook =
    preview && !preview.fileErrors.length && ready > 0 && (withErrors === 0 || onlyValid);

  return (
    <div className="space-y-5">
      <div className="grid max-w-md gap-2">
        <Label htmlFor="batch-file">{t("upload.choose")}</Label>
        <Input
          id="batch-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            choose(e.target.files?.[0] ?? null);
            e.target.value = "";
          }}
        />
        <p className="text-sm text-muted-foreground">{t("upload.hint", { max: maxRows })}</p>
      </div>
      {reading ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Spinner aria-label={t("upload.checking")} />
          {t("upload.checking")}
        </p>
      ) : null}
      {error ? (
        <Alert variant="destructive" data-testid="batch-error">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {preview && preview.fileErrors.length ? (
        <Alert variant="destructive" data-testid="batch-file-errors">
          <AlertDescription>
            <ul className="list-disc pl-4">
              {preview.fileErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
      {preview && !preview.fileErrors.length ? (
        <section className="space-y-4" data-testid="batch-preview">
          <h2 className="text-lg font-semibold">{t("preview.title")}</h2>
          <div className="flex flex-wrap items-center gap-2" data-testid="batch-summary">
            <Badge variant="success">
              {t("preview.ok")} {ready}
            </Badge>
            <Badge variant={withErrors ? "destructive" : "outline"}>
              {t("preview.error")} {withErrors}
            </Badge>
            <Badge variant="secondary">
              {t("preview.already")} {already}
            </Badge>
            <Badge variant={warned ? "warning" : "outline"}>
              {t("preview.warning")} {warned}
            </Badge>
            <span className="text-sm text-muted-foreground">{file?.name}</span>
          </div>
          <BatchPreviewTable columns={preview.columns} rows={rows} />
          {withErrors > 0 ? (
            <div className="space-y-2">
              <Alert variant="destructive" data-testid="batch-blocked">
                <AlertDescription>{t("preview.blocked", { count: withErrors })}</AlertDescription>
              </Alert>
              {ready > 0 ? (
                <label className="flex items-center gap-2 text-sm">
                  <Checkbox checked={onlyValid} onCheckedChange={(v) => setOnlyValid(v === true)} />
                  {t("preview.onlyValid")}
                  <span className="text-muted-foreground">
                    {t("preview.onlyValidHint", { count: withErrors })}
                  </span>
                </label>
              ) : null}
            </div>
          ) : null}
          {ready === 0 ? (
            <p className="text-sm text-muted-foreground">{t("preview.nothing")}</p>
          ) : null}
          <Button disabled={!mayBook || writing} onClick={() => setConfirming(true)}>
            {t("preview.book", { count: ready })}
          </Button>
        </section>
      ) : null}
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("preview.confirmTitle")}</AlertDialogTitle>
            <AlertDialogDescription>
              {t("preview.confirmBody", { count: ready })}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={writing}>{t("preview.cancel")}</AlertDialogCancel>
            <AlertDialogAction
              disabled={writing}
              onClick={(e) => {
                e.preventDefault();
                book();
              }}
            >
              {writing ? <Spinner aria-label={t("preview.starting")} /> : null}
              {writing ? t("preview.starting") : t("preview.confirm")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
