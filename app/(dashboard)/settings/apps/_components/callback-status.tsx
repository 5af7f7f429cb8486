// Each app's WeCom event callback (server component): the URL(s) to paste into the WeCom
// console, whether its Token and EncodingAESKey are set (never their values), and when
// the last callback arrived, whether it verified and why not.
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { AppSummary } from "@/lib/apps/list-settings";
import type { CallbackUrls } from "@/lib/callbacks/callback-urls";

export async function CallbackStatus({
  apps,
  urls,
  timeZone,
}: {
  apps: AppSummary[];
  urls: Map<string, CallbackUrls>;
  timeZone: string;
}) {
  const [t, ta, tc, format] = await Promise.all([
    getTranslations("appsAdmin.callback"),
    getTranslations("appsAdmin.appForm"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: "short", timeStyle: "medium", timeZone });
  const reason = (key: string | null) =>
    key && t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : (key ?? "");

  return (
    <section className="mt-8 grid gap-3" aria-labelledby="callbacks-heading">
      <div>
        <h2 id="callbacks-heading" className="text-lg font-semibold">
          {t("statusHeading")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("statusDescription")}</p>
      </div>
      <ul className="grid gap-3 md:grid-cols-2">
        {apps.map((app) => {
          const u = urls.get(app.id)!;
          const keysSet = Boolean(app.secrets.callbackToken && app.secrets.callbackAesKey);
          const cb = app.callback;
          return (
            <li
              key={app.id}
              className="grid gap-2 rounded-lg border bg-background p-4 text-sm"
              data-testid={`callback-${app.id}`}
            >
              <div className="font-medium">{app.name}</div>
              <div className="grid gap-0.5">
                <span className="text-xs text-muted-foreground">{t("url")}</span>
                <code className="break-all text-xs" data-testid="callback-url">
                  {u.data}
                </code>
              </div>
              {u.suite ? (
                <div className="grid gap-0.5">
                  <span className="text-xs text-muted-foreground">{t("suiteUrl")}</span>
                  <code className="break-all text-xs" data-testid="suite-callback-url">
                    {u.suite}
                  </code>
                </div>
              ) : null}
              <div>
                <Badge variant={keysSet ? "success" : "outline"}>
                  {ta("secretState", {
                    field: t("keys"),
                    state: keysSet ? ta("set") : ta("unset"),
                  })}
                </Badge>
              </div>
              {!keysSet ? (
                <p className="text-xs text-muted-foreground">{t("unset")}</p>
              ) : cb.lastAt ? (
                <p
                  className={cb.lastOk ? "text-xs" : "text-xs text-destructive"}
                  data-testid="callback-last"
                >
                  {t("last", { time: when(cb.lastAt) })} ·{" "}
                  {cb.lastOk ? t("verified") : t("refused", { reason: reason(cb.lastError) })}
                </p>
              ) : (
                <p className="text-xs text-muted-foreground" data-testid="callback-last">
                  {t("never")}
                </p>
              )}
              {keysSet && !cb.verifiedAt ? (
                <p className="text-xs text-amber-700 dark:text-amber-400">
                  {t("unverified")}
                  {tc("colon")}
                  {t("unverifiedHint")}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
