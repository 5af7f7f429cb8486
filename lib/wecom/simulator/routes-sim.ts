// Test-support controls under /__sim/. Not part of WeCom: they let tests and demos
// see what the client sent, move time, inject faults and revoke apps.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { applyClientChange, clientChangeSchema } from "./client-change.js";
import { faultSpecSchema } from "./faults.js";
import { meetingStatus } from "./meeting-view.js";
import type { SimEnv } from "./operation.js";
import { SIM_APPS, SIM_DEPARTMENTS, SIM_MEMBERS } from "./seed-data.js";
import type { SimState } from "./state.js";

const clockSchema = z.union([
  z.object({ advanceSec: z.number().int() }),
  z.object({ offsetSec: z.number().int() }),
  z.object({ reset: z.literal(true) }),
]);
const invalidateSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ token: z.string() }),
  z.object({ appKey: z.string() }),
]);
/** At most a minute: longer than any client timeout, so anything more is a mistake. */
const latencySchema = z.object({ ms: z.number().int().min(0).max(60_000) });
const corpSettingsSchema = z.object({
  paidEdition: z.boolean().optional(),
  reportExcessUsers: z.boolean().optional(),
  meetingAdvanced: z.boolean().optional(),
});

export async function parse<T>(
  c: Context<SimEnv>,
  schema: z.ZodType<T>,
): Promise<{ data: T } | { error: Response }> {
  const body: unknown = await c.req.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  return { error: c.json({ error: "invalid body", issues: parsed.error.issues }, 400) };
}

export function seedView(state: SimState) {
  return {
    corps: [...state.corps.values()],
    departments: SIM_DEPARTMENTS,
    apps: SIM_APPS.map((a) => ({ ...a, revoked: state.revoked.has(a.key) })),
    members: SIM_MEMBERS.map((m) => ({
      ...m,
      inVisibleRange: Object.fromEntries(
        SIM_APPS.map((a) => [a.key, a.visibleUserIds.includes(m.userid)]),
      ),
    })),
  };
}

export function registerSimRoutes(app: Hono<SimEnv>, state: SimState): void {
  app.get("/__sim/seed", (c) => c.json(seedView(state)));

  app.get("/__sim/requests", (c) => {
    const { operation, appKey } = c.req.query();
    const list = state.requests.filter(
      (r) => (!operation || r.operation === operation) && (!appKey || r.appKey === appKey),
    );
    return c.json(list);
  });
  app.delete("/__sim/requests", (c) => {
    state.requests = [];
    return c.json({ ok: true });
  });

  // Every token and suite ticket handed out, unmasked: the e2e run searches what the
  // browser received for them.
  app.get("/__sim/tokens", (c) =>
    c.json([
      ...[...state.tokens.values()].map(({ token, kind, appKey }) => ({ token, kind, appKey })),
      ...state.callbacks.tickets.map((t) => ({
        token: t.ticket,
        kind: "suite_ticket",
        appKey: state.appBySuite(t.suiteId)?.key,
      })),
    ]),
  );

  app.get("/__sim/clock", (c) => c.json(state.clock.snapshot()));
  app.post("/__sim/clock", async (c) => {
    const p = await parse(c, clockSchema);
    if ("error" in p) return p.error;
    if ("advanceSec" in p.data) state.clock.advance(p.data.advanceSec);
    else if ("offsetSec" in p.data) state.clock.setOffset(p.data.offsetSec);
    else state.clock.reset();
    state.changed();
    // Meetings the move started or ended call back now, not at the next tick.
    state.ticker.tick();
    return c.json(state.clock.snapshot());
  });

  app.get("/__sim/faults", (c) => c.json(state.faults.list()));
  app.post("/__sim/faults", async (c) => {
    const p = await parse(c, faultSpecSchema);
    if ("error" in p) return p.error;
    return c.json(state.faults.add(p.data));
  });
  app.delete("/__sim/faults", (c) => {
    state.faults.clear();
    return c.json({ ok: true });
  });

  app.get("/__sim/latency", (c) => c.json({ ms: state.latencyMs }));
  // How many /cgi-bin/ requests are being answered at once (now, and the peak since the
  // last DELETE or reset): benches check a client's concurrency limit here.
  app.get("/__sim/in-flight", (c) => c.json(state.inFlight));
  app.delete("/__sim/in-flight", (c) => {
    state.inFlight.peak = state.inFlight.now;
    return c.json(state.inFlight);
  });
  app.post("/__sim/latency", async (c) => {
    const p = await parse(c, latencySchema);
    if ("error" in p) return p.error;
    state.latencyMs = p.data.ms;
    return c.json({ ms: state.latencyMs });
  });

  app.post("/__sim/tokens/invalidate", async (c) => {
    const p = await parse(c, invalidateSchema);
    if ("error" in p) return p.error;
    let invalidated = 0;
    for (const t of state.tokens.values()) {
      const hit =
        "all" in p.data ||
        ("token" in p.data ? t.token === p.data.token : t.appKey === p.data.appKey);
      if (hit && !t.invalidated) {
        t.invalidated = true;
        invalidated++;
      }
    }
    return c.json({ invalidated });
  });

  app.post("/__sim/apps/:key/:action{revoke|restore}", (c) => {
    const key = c.req.param("key");
    if (!SIM_APPS.some((a) => a.key === key)) return c.json({ error: `unknown app ${key}` }, 404);
    if (c.req.param("action") === "revoke") state.revoked.add(key);
    else state.revoked.delete(key);
    state.changed();
    return c.json({ key, revoked: state.revoked.has(key) });
  });

  app.post("/__sim/corps/:corpId/settings", async (c) => {
    const corp = state.corps.get(c.req.param("corpId"));
    if (!corp) return c.json({ error: "unknown corp" }, 404);
    const p = await parse(c, corpSettingsSchema);
    if ("error" in p) return p.error;
    Object.assign(corp, p.data);
    state.changed();
    return c.json(corp);
  });

  app.get("/__sim/meetings", (c) => {
    const now = state.clock.nowSec();
    return c.json(
      [...state.meetings.values()].map((m) => ({
        ...m,
        status: meetingStatus(m, now, state.corps.get(m.corpId)?.timeZone ?? "Asia/Shanghai"),
      })),
    );
  });

  // A member changes or cancels the meeting in the WeCom client: no app is involved, so
  // nothing is checked but the meeting's existence. MeetBridge learns of it by sync, and
  // by callback when its app has one (client-change.ts; sent after this answer).
  app.post("/__sim/meetings/:meetingid", async (c) => {
    const m = state.meetings.get(c.req.param("meetingid"));
    if (!m) return c.json({ error: "no such meeting" }, 404);
    const p = await parse(c, clientChangeSchema);
    if ("error" in p) return p.error;
    const result = applyClientChange(state, m, p.data);
    if (result.refused) return c.json({ error: result.refused }, 400);
    return c.json(m);
  });

  // With a state file, the file is reset too before the answer.
  app.post("/__sim/reset", async (c) => {
    state.reset();
    await state.flush();
    return c.json({ ok: true });
  });
}
