"use client";

import { Import, Loader2, Search } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import {
  adoptMeetingAction,
  discoverMeetingsAction,
  type AdoptMeetingActionResult,
  type DiscoverMeetingsActionResult,
} from "@/lib/actions/adopt-meeting";

export interface AdoptApp {
  id: string;
  /** "corp / app" */
  label: string;
  corpRowId: string;
}

export interface AdoptAccount {
  id: string;
  name: string;
  detail: string;
  /** WeCom userid by corp row id. */
  userIds: Record<string, string>;
}

type Problem = Extract<AdoptMeetingActionResult, { ok: false }>;

export function useAdopt() {
  const t = useTranslations("adopt");
  const router = useRouter();
  const [known, setKnown] = useState<string | null>(null);
  const adopt = async (values: { appId: string; wecomMeetingId: string }) => {
    let r: AdoptMeetingActionResult;
    try {
      r = await adoptMeetingAction(values);
    } catch {
      return { ok: false, fieldErrors: {}, formError: t("errors.network") } satisfies Problem;
    }
    if (r.ok && r.alreadyKnown) setKnown(r.meetingId);
    else if (r.ok) router.push(`/meetings/${r.meetingId}`);
    return r;
  };
  return { adopt, known, setKnown };
}

export function KnownNotice({ meetingId }: { meetingId: string }) {
  const t = useTranslations("adopt");
  return (
    <Alert data-testid="adopt-known">
      <AlertDescription className="flex flex-wrap items-center gap-2">
        {t("alreadyKnown")}
        <Link href={`/meetings/${meetingId}`} className="font-medium underline">
          {t("view")}
        </Link>
      </AlertDescription>
    </Alert>
  );
}

export function AdoptForm({ apps }: { apps: AdoptApp[] }) {
  const t = useTranslations("adopt");
  const { adopt, known, setKnown } = useAdopt();
  const [appId, setAppId] = useState(apps.length === 1 ? apps[0]!.id : "");
  const [meetingId, setMeetingId] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setKnown(null);
    startTransition(async () => {
      const r = await adopt({ appId, wecomMeetingId: meetingId });
      setProblem(r.ok ? null : r);
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-4 rounded-lg border bg-background p-6"
      aria-label={t("title")}
    >
      {apps.length === 0 ? (
        <Alert>
          <AlertDescription>{t("noApps")}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="adopt-app" label={t("app")} error={problem?.fieldErrors.appId}>
        <NativeSelect name="appId" value={appId} onChange={(e) => setAppId(e.target.value)}>
          <option value="">{t("chooseApp")}</option>
          {apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField
        id="adopt-meeting-id"
        label={t("meetingId")}
        description={t("meetingIdHint")}
        error={problem?.fieldErrors.wecomMeetingId}
      >
        <Input
          name="wecomMeetingId"
          value={meetingId}
          onChange={(e) => setMeetingId(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </FormField>
      {problem?.formError ? (
        <Alert variant="destructive" data-testid="adopt-form-error">
          <AlertDescription>{problem.formError}</AlertDescription>
        </Alert>
      ) : null}
      {known ? <KnownNotice meetingId={known} /> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? (
            <Loader2 className="size-4 animate-spin" aria-hidden />
          ) : (
            <Import className="size-4" aria-hidden />
          )}
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

export function DiscoverForm({
  apps,
  accounts,
  timeZone,
}: {
  apps: AdoptApp[];
  accounts: AdoptAccount[];
  timeZone: string;
}) {
  const t = useTranslations("adopt");
  const format = useFormatter();
  const { adopt, known, setKnown } = useAdopt();
  const [appId, setAppId] = useState(apps.length === 1 ? apps[0]!.id : "");
  const [accountId, setAccountId] = useState("");
  const [result, setResult] = useState<DiscoverMeetingsActionResult | null>(null);
  const [adoptProblem, setAdoptProblem] = useState<Problem | null>(null);
  const [pending, startTransition] = useTransition();
  const [adopting, setAdopting] = useState<string | null>(null);

  const corpRowId = apps.find((a) => a.id === appId)?.corpRowId;
  const mapped = corpRowId ? accounts.filter((a) => a.userIds[corpRowId]) : accounts;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setKnown(null);
    setAdoptProblem(null);
    startTransition(async () => {
      try {
        setResult(await discoverMeetingsAction(appId, accountId));
      } catch {
        setResult({ ok: false, fieldErrors: {}, formError: t("errors.network") });
      }
    });
  };
  const adoptOne = (wecomMeetingId: string) => {
    setKnown(null);
    setAdoptProblem(null);
    setAdopting(wecomMeetingId);
    startTransition(async () => {
      const r = await adopt({ appId, wecomMeetingId });
      if (!r.ok) {
        setAdoptProblem(r);
        setAdopting(null);
      }
    });
  };
  const problem = result && !result.ok ? result : null;
  const adoptError =
    adoptProblem &&
    (adoptProblem.formError ??
      adoptProblem.fieldErrors.wecomMeetingId ??
      adoptProblem.fieldErrors.appId);

  return (
    <section
      className="grid gap-4 rounded-lg border bg-background p-6"
      aria-labelledby="discover-title"
    >
      <div>
        <h2 id="discover-title" className="text-lg font-semibold">
          {t("discover.title")}
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">{t("discover.description")}</p>
      </div>
      <form
        onSubmit={submit}
        noValidate
        className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
      >
        <FormField id="discover-app" label={t("app")} error={problem?.fieldErrors.appId}>
          <NativeSelect
            name="appId"
            value={appId}
            onChange={(e) => {
              setAppId(e.target.value);
              setResult(null);
            }}
          >
            <option value="">{t("chooseApp")}</option>
            {apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField
          id="discover-account"
          label={t("discover.account")}
          error={problem?.fieldErrors.accountId}
        >
          <NativeSelect
            name="accountId"
            value={accountId}
            onChange={(e) => {
              setAccountId(e.target.value);
              setResult(null);
            }}
          >
            <option value="">{t("discover.chooseAccount")}</option>
            {mapped.map((a) => (
              <option key={a.id} value={a.id}>
                {a.detail ? `${a.name}（${a.detail}）` : a.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <Button type="submit" variant="outline" disabled={pending} className="sm:mt-[22px]">
          {pending && !adopting ? (
            <Loader2 className="size-4 animate-spin" aria-hidden />
          ) : (
            <Search className="size-4" aria-hidden />
          )}
          {pending && !adopting ? t("discover.listing") : t("discover.list")}
        </Button>
      </form>
      {problem?.formError ? (
        <Alert variant="destructive">
          <AlertDescription>{problem.formError}</AlertDescription>
        </Alert>
      ) : null}
      {adoptError ? (
        <Alert variant="destructive" data-testid="discover-adopt-error">
          <AlertDescription>{adoptError}</AlertDescription>
        </Alert>
      ) : null}
      {known ? <KnownNotice meetingId={known} /> : null}
      {result?.ok ? (
        result.meetings.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="discover-empty">
            {t("discover.empty")}
          </p>
        ) : (
          <div className="rounded-lg border" data-testid="discover-results">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("discover.columnTitle")}</TableHead>
                  <TableHead>{t("discover.columnStart")}</TableHead>
                  <TableHead>{t("discover.columnDuration")}</TableHead>
                  <TableHead>{t("discover.columnAdmin")}</TableHead>
                  <TableHead>{t("discover.columnStatus")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("discover.adopt")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.meetings.map((m) => (
                  <TableRow key={m.wecomMeetingId} data-testid="discover-row">
                    <TableCell className="font-medium">{m.title}</TableCell>
                    <TableCell>
                      {format.dateTime(new Date(m.startAt), {
                        dateStyle: "medium",
                        timeStyle: "short",
                        timeZone,
                      })}
                    </TableCell>
                    <TableCell>
                      {t("discover.minutes", { count: Math.round(m.durationSec / 60) })}
                    </TableCell>
                    <TableCell>
                      {m.adminName ?? t("discover.adminUnmapped", { userId: m.adminUserId })}
                    </TableCell>
                    <TableCell>
                      <MeetingStatusBadge status={m.status} />
                    </TableCell>
                    <TableCell className="text-right">
                      <Button
                        size="sm"
                        onClick={() => adoptOne(m.wecomMeetingId)}
                        disabled={pending}
                        aria-label={`${t("discover.adopt")} ${m.title}`}
                      >
                        {adopting === m.wecomMeetingId ? (
                          <Loader2 className="size-4 animate-spin" aria-hidden />
                        ) : null}
                        {t("discover.adopt")}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {result.truncated ? (
              <p className="border-t px-4 py-2 text-sm text-muted-foreground">
                {t("discover.truncated")}
              </p>
            ) : null}
          </div>
        )
      ) : null}
    </section>
  );
}
