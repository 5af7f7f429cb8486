// The API reference for admins: Swagger UI from the swagger-ui-dist package, served by
// MeetBridge itself (no CDN: deployments may have no internet), reading openapi.json.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../context";

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: false,
  });
});
`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MeetBridge API</title>
<link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/v1/docs/swagger-ui-bundle.js"></script>
<script src="/api/v1/docs/init.js"></script>
</body>
</html>
`;

const cache = new Map<string, Buffer>();

async function asset(name: string): Promise<Buffer> {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", name));
  cache.set(name, file);
  return file;
}

export function docsRoutes(app: OpenAPIHono<ApiEnv>) {
  app.get("/docs", (c) => c.html(PAGE));
  app.get("/docs/init.js", (c) =>
    c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  app.get("/docs/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}", async (c) => {
    const name = c.req.param("file");
    return c.body(new Uint8Array(await asset(name)), 200, {
      "content-type": ASSETS[name]!,
      "cache-control": "public, max-age=86400",
    });
  });
}
