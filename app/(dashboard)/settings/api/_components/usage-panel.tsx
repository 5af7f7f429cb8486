// How a flow calls the API: the base URL of this server, the header, the reference and
// one curl line. The origin is the one the admin reached this page through.
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/;

async function origin(): Promise<string> {
  const h = await headers();
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0]!.trim();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${HOST.test(host) ? host : "localhost"}`;
}

export async function UsagePanel() {
  const [t, base] = await Promise.all([
    getTranslations("apiKeys.usage"),
    origin().then((o) => `${o}/api/v1`),
  ]);
  const curl = `curl -H "Authorization: Bearer <key>" "${base}/meetings?limit=20"`;
  return (
    <Card data-testid="api-usage">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <div>
          <div className="text-muted-foreground">{t("baseUrl")}</div>
          <code className="font-mono">{base}</code>
        </div>
        <div>
          <div className="text-muted-foreground">{t("auth")}</div>
          <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>
        </div>
        <div>
          <div className="text-muted-foreground">{t("example")}</div>
          <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">{curl}</pre>
        </div>
        {/* A route handler's HTML page (Swagger UI), not an app page: a full navigation. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/api/v1/docs" className="text-primary underline-offset-4 hover:underline">
          {t("reference")}
        </a>
      </CardContent>
    </Card>
  );
}
