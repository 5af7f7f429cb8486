import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { CallLogRow, toCallLogView } from "@/components/logs/call-log-row";
import { CopyInvitationButton } from "@/components/meetings/copy-invitation-button";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { canManageMeeting } from "@/lib/auth/permissions";
import { requireTenantContext } from "@/lib/auth/tenant-context";
import { listOccurrences, refreshMeeting, viewNeedsRefresh } from "@/lib/meetings";
import { openMeetingPassword } from "@/lib/meetings/meeting-password";
import { groupMeetingCode } from "@/lib/utils/meeting-code";
import { unixNow } from "@/lib/schemas/wall-clock";
import { webActor } from "@/lib/meetings/web-actor";
import { describeWecomFailure, type WecomFailure } from "@/lib/wecom";
import { AuditCard } from "./_components/audit-card";
import { CopyButton } from "./_components/copy-button";
import { MeetingActions } from "./_components/meeting-actions";
import { NoticeToast } from "./_components/notice-toast";
import { OccurrencesCard } from "./_components/occurrences-card";
import { ReconcileButton } from "./_components/reconcile-button";
import { RecurrenceCard } from "./_components/recurrence-card";
import { MeetingRoomCard } from "./_components/room-card";
import { SettingsCard } from "./_components/settings-card";

const NOTICES = {
  booked: ["success", "booked"],
  replayed: ["info", "bookedReplay"],
  uncertain: ["warning", "bookedUncertain"],
} as const;

export default async function MeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string }>;
}) {
  const [{ id }, { notice }] = await Promise.all([params, searchParams]);
  const ctx = await requireTenantContext("meeting:read");
  const exists = await ctx.db.meeting.findFirst({
    where: { id },
    select: {
      status: true,
      wecomMeetingId: true,
      lastSyncedAt: true,
      meetingCode: true,
      isRepeat: true,
      _count: { select: { occurrences: true } },
    },
  });
  if (!exists) notFound();

  // The meeting as WeCom knows it now: status, code and link (a change found here is audited as sync).
  let refreshError: WecomFailure | null = null;
  if (
    exists.wecomMeetingId &&
    (exists.status === "booked" || exists.status === "in_progress") &&
    viewNeedsRefresh({ ...exists, occurrenceCount: exists._count.occurrences }, unixNow())
  ) {
    const refreshed = await refreshMeeting({ ...(await webActor(ctx)), source: "sync" }, id);
    if (!refreshed.ok) refreshError = refreshed.failure;
  }
  const [t, tb, ts, tocc, format, locale, m, logs, occurrences] = await Promise.all([
    getTranslations("meeting"),
    getTranslations("booking"),
    getTranslations("meetings.status"),
    getTranslations("occurrences"),
    getFormatter(),
    getLocale(),
    ctx.db.meeting.findFirstOrThrow({
      where: { id },
      include: {
        app: { select: { name: true, kind: true, corpRowId: true } },
        admin: { select: { name: true, jobNumber: true } },
        participants: {
          include: { oaAccount: { select: { name: true } } },
          orderBy: { id: "asc" },
        },
        movedFromOccurrence: {
          select: { startAt: true, meeting: { select: { id: true, title: true } } },
        },
      },
    }),
    ctx.db.callLog.findMany({
      where: { meetingId: id },
      orderBy: { createdAt: "asc" },
      take: 200,
      include: { app: { select: { name: true } } },
    }),
    listOccurrences(ctx.db, id),
  ]);
  const lang = locale === "en" ? "en" : "zh-CN";
  const tz = ctx.tenant.timeZone;
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "full", timeStyle: "short", timeZone: tz });
  const failure = m.syncError ? (JSON.parse(m.syncError) as WecomFailure) : null;
  const people = (role: string) => m.participants.filter((p) => p.role === role);
  const excess = (m.excessUsers as string[] | null) ?? [];
  const noticeOf = (n: string | undefined) => {
    const known = n && n in NOTICES ? NOTICES[n as keyof typeof NOTICES] : null;
    return known ? { kind: known[0], text: tb(known[1]) } : null;
  };
  // Attendance means something once the meeting has begun.
  const started = m.status === "in_progress" || m.status === "ended";
  const editable = m.status === "booked" && m.wecomMeetingId !== null;
  const mayManage = canManageMeeting(ctx.role, ctx.user.id, m);
  const endAt = new Date(m.startAt.getTime() + m.durationSec * 1000);
  // Something to hand to colleagues: only once WeCom has given the meeting its code and
  // link; the password only for those who may manage the meeting.
  const password = mayManage ? openMeetingPassword(m.settings, ctx.tenant.id) : null;
  const invitation =
    m.meetingCode && m.meetingLink && (m.status === "booked" || m.status === "in_progress")
      ? [
          t("invitation.heading"),
          t("invitation.title", { title: m.title }),
          t("invitation.time", {
            range: format.dateTimeRange(m.startAt, endAt, {
              dateStyle: "full",
              timeStyle: "short",
              timeZone: tz,
            }),
            zone: tz,
          }) + (m.isRepeat ? t("invitation.recurring") : ""),
          t("invitation.code", { code: groupMeetingCode(m.meetingCode) }),
          t("invitation.link", { link: m.meetingLink }),
          ...(password ? [t("invitation.password", { password })] : []),
        ].join("\n")
      : null;

  return (
    <ClientMessages namespaces={["meeting", "sync", "rooms.booking", "occurrences"]}>
      <NoticeToast notice={noticeOf(notice)} />
      <Link
        href="/meetings"
        className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline"
      >
        <ArrowLeft className="size-4" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader
        title={m.title}
        description={`${m.app.name} · ${when(m.startAt)}`}
        actions={
          <>
            {invitation ? <CopyInvitationButton text={invitation} /> : null}
            <MeetingStatusBadge status={m.status} />
            {m.syncState === "needs_reconciliation" ||
            (m.syncState === "pending" && !m.wecomMeetingId) ? (
              <Badge variant="destructive">{t("needsReconciliation")}</Badge>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4">
        <MeetingActions
          meetingId={m.id}
          title={m.title}
          manageable={editable && mayManage}
          canBook={ctx.can("meeting:book")}
          syncable={m.wecomMeetingId !== null}
        />
        {mayManage && m.status !== "booked" && m.status !== "failed" ? (
          <Alert data-testid="not-editable">
            <AlertDescription>{t("notEditable", { status: ts(m.status) })}</AlertDescription>
          </Alert>
        ) : null}
        {m.syncState !== "in_sync" && !m.wecomMeetingId ? (
          <Alert variant="destructive" data-testid="reconcile-alert">
            <AlertTitle>{t("reconcileTitle")}</AlertTitle>
            <AlertDescription className="grid gap-3">
              <p>{t("reconcileBody")}</p>
              <div>
                <ReconcileButton meetingId={m.id} />
              </div>
            </AlertDescription>
          </Alert>
        ) : null}
        {m.status === "failed" && failure ? (
          <Alert variant="destructive">
            <AlertTitle>{t("failedTitle")}</AlertTitle>
            <AlertDescription>
              {describeWecomFailure(failure, lang, { appName: m.app.name })}
            </AlertDescription>
          </Alert>
        ) : null}
        {refreshError ? (
          <Alert>
            <AlertDescription>
              {t("refreshFailed", {
                reason: describeWecomFailure(refreshError, lang, { appName: m.app.name }),
              })}
            </AlertDescription>
          </Alert>
        ) : null}
        <MeetingRoomCard db={ctx.db} meeting={m} mayManage={mayManage} />
        {m.movedFromOccurrence ? (
          <Alert data-testid="moved-from">
            <AlertDescription>
              {tocc("movedFrom", {
                title: m.movedFromOccurrence.meeting.title,
                when: when(m.movedFromOccurrence.startAt),
              })}{" "}
              <Link href={`/meetings/${m.movedFromOccurrence.meeting.id}`} className="underline">
                {tocc("movedFromLink")}
              </Link>
            </AlertDescription>
          </Alert>
        ) : null}
        {excess.length ? (
          <Alert>
            <AlertDescription>{t("excessUsers", { list: excess.join("、") })}</AlertDescription>
          </Alert>
        ) : null}

        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("wecom")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl
                className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm"
                data-testid="wecom-facts"
              >
                <dt className="text-muted-foreground">{t("meetingId")}</dt>
                <dd className="flex items-center gap-1 font-mono break-all">
                  {m.wecomMeetingId ?? t("notYet")}
                  {m.wecomMeetingId ? <CopyButton value={m.wecomMeetingId} /> : null}
                </dd>
                <dt className="text-muted-foreground">{t("meetingCode")}</dt>
                <dd className="font-mono">
                  {m.meetingCode ? groupMeetingCode(m.meetingCode) : t("notYet")}
                </dd>
                <dt className="text-muted-foreground">{t("meetingLink")}</dt>
                <dd className="break-all">
                  {m.meetingLink ? (
                    <a href={m.meetingLink} className="underline" target="_blank" rel="noreferrer">
                      {m.meetingLink}
                    </a>
                  ) : (
                    t("notYet")
                  )}
                </dd>
              </dl>
              {m.lastSyncedAt ? (
                <p className="mt-3 text-xs text-muted-foreground">
                  {t("syncedAt", { time: when(m.lastSyncedAt) })}
                </p>
              ) : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("details")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">{t("start")}</dt>
                <dd>
                  {when(m.startAt)} <span className="text-muted-foreground">({tz})</span>
                </dd>
                <dt className="text-muted-foreground">{t("end")}</dt>
                <dd>{when(endAt)}</dd>
                <dt className="text-muted-foreground">{t("duration")}</dt>
                <dd>{t("durationValue", { minutes: format.number(m.durationSec / 60) })}</dd>
                <dt className="text-muted-foreground">{t("admin")}</dt>
                <dd>{m.admin.name}</dd>
                <dt className="text-muted-foreground">{t("app")}</dt>
                <dd>{m.app.name}</dd>
                <dt className="text-muted-foreground">{t("description")}</dt>
                <dd className="whitespace-pre-wrap">{m.description || t("none")}</dd>
                <dt className="text-muted-foreground">{t("location")}</dt>
                <dd>{m.location || t("none")}</dd>
                {(["invitee", "host", "ring"] as const).map((role) => (
                  <PeopleRow
                    key={role}
                    label={t(role === "invitee" ? "invitees" : role === "host" ? "hosts" : "ring")}
                  >
                    {people(role).length
                      ? people(role).map((p) => (
                          <span key={p.id} className="mr-2 inline-flex items-center gap-1">
                            {p.oaAccount?.name ?? p.wecomUserId}
                            {role === "invitee" && p.attendStatus && started ? (
                              <Badge variant={p.attendStatus === 1 ? "success" : "outline"}>
                                {t(p.attendStatus === 1 ? "attended" : "notAttended")}
                              </Badge>
                            ) : null}
                          </span>
                        ))
                      : t("none")}
                  </PeopleRow>
                ))}
              </dl>
            </CardContent>
          </Card>
          <SettingsCard settings={m.settings} />
          <RecurrenceCard meeting={m} timeZone={tz} />
        </div>
        {m.isRepeat ? (
          <OccurrencesCard
            meetingId={m.id}
            title={m.title}
            occurrences={occurrences}
            timeZone={tz}
            manageable={editable && mayManage}
            canBook={ctx.can("meeting:book")}
          />
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("callLog")}</CardTitle>
          </CardHeader>
          <CardContent className="p-0">
            {logs.length === 0 ? (
              <p className="px-6 pb-6 text-sm text-muted-foreground">{t("callLogEmpty")}</p>
            ) : (
              <div className="divide-y border-t" data-testid="call-log">
                {logs.map((e) => (
                  <CallLogRow
                    key={e.id}
                    entry={toCallLogView(
                      e,
                      format.dateTime(e.createdAt, {
                        dateStyle: "short",
                        timeStyle: "medium",
                        timeZone: tz,
                      }),
                    )}
                  />
                ))}
              </div>
            )}
          </CardContent>
        </Card>
        <AuditCard ctx={ctx} meetingId={m.id} />
      </div>
    </ClientMessages>
  );
}

function PeopleRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
