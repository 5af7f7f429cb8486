// The HTTP API for OA and ESB flows: one Hono app (lib/api/app.ts) behind one catch-all
// route handler. Node.js runtime: lib/meetings needs the database drivers.
import { handle } from "hono/vercel";
import { createApiApp } from "@/lib/api/app";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const app = createApiApp();
const handler = handle(app);

export const GET = handler;
export const POST = handler;
export const PATCH = handler;
export const DELETE = handler;
export const PUT = handler;
export const OPTIONS = handler;
