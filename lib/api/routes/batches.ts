// POST /batches (many meetings at once, booked in the background) and GET /batches/{id}
// (its state and each row's result): the same checks and bookings as the batch page
// (lib/batches → lib/meetings). A row with an externalRef already booked in the tenant
// is reported as booked before, never booked again.
import { logger } from "@/lib/observability/logger";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { checkRows, createBatch, loadBatch, processBatch, type BatchView } from "@/lib/batches";
import { draftsFromApi, type ApiBatchRow } from "@/lib/batches/api-rows";
import type { BatchField } from "@/lib/batches/columns";
import { EXTERNAL_REF_MAX } from "@/lib/batches/draft-rows";
import { MAX_BATCH_ROWS } from "@/lib/batches/read-sheet";
import { msg } from "@/lib/schemas/messages";
import type { ApiContext, ApiEnv } from "../context";
import { idempotent } from "../idempotency";
import { apiActor, requirePermission } from "../principal";
import { ApiProblem } from "../problem";
import { BookMeetingBody, problems } from "../schemas";
import { apiTexts } from "../translate";

const BatchRowBody = BookMeetingBody.extend({
  externalRef: z.string().trim().min(1).max(EXTERNAL_REF_MAX).optional().openapi({
    description: "The OA's own id of the row: one meeting per externalRef in the tenant",
  }),
}).openapi("BatchRow");

const CreateBatchBody = z
  .object({
    rows: z
      .array(BatchRowBody)
      .min(1, msg("batchNoRows"))
      .max(MAX_BATCH_ROWS, msg("batchTooManyRows", { max: MAX_BATCH_ROWS })),
    onlyValid: z.boolean().optional().openapi({
      description:
        "Book the valid rows even when others have errors (those are listed, not booked)",
    }),
  })
  .openapi("CreateBatch", {
    example: {
      rows: [
        {
          appId: "cm0app000000000000000000",
          adminJobNumber: "E1005",
          title: "研发部周例会",
          start: "2026-12-07T10:00",
          durationMin: 60,
          inviteeJobNumbers: ["E1006", "E1007"],
          externalRef: "OA-2026-0001",
        },
      ],
    },
  });

const ROW_STATUSES = ["pending", "booking", "booked", "refused", "reconciling", "skipped"] as const;
const BatchRowResult = z.object({
  position: z.number().int().openapi({ description: "1-based, the order of `rows`" }),
  externalRef: z.string().nullable(),
  title: z.string(),
  start: z.string(),
  status: z.enum(ROW_STATUSES),
  alreadyBooked: z
    .boolean()
    .openapi({ description: "Booked before this batch (same externalRef or same meeting)" }),
  meetingId: z.string().nullable(),
  wecomMeetingId: z.string().nullable(),
  meetingCode: z.string().nullable(),
  meetingLink: z.string().nullable(),
  reason: z.string().nullable().openapi({ description: "Why WeCom or MeetBridge refused it" }),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
});
const Batch = z
  .object({
    id: z.string(),
    state: z.enum(["writing", "queued", "running", "done"]),
    total: z.number().int(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    counts: z.record(z.enum(ROW_STATUSES), z.number().int()),
    rows: z.array(BatchRowResult),
  })
  .openapi("Batch");

const createRoute_ = createRoute({
  method: "post",
  path: "/batches",
  tags: ["Batches"],
  summary: "Book many meetings at once",
  description:
    "Every row is checked first (the booking form's rules, the people and the app); with " +
    "any row in error nothing is booked (422, errors at `/rows/{i}/…`) unless `onlyValid`. " +
    "Then 202: the rows are booked in the background, at most 4 WeCom calls at once; poll " +
    "GET /batches/{id}.",
  request: {
    headers: z.object({ "idempotency-key": z.string().optional() }),
    body: { required: true, content: { "application/json": { schema: CreateBatchBody } } },
  },
  responses: {
    202: { description: "Queued", content: { "application/json": { schema: Batch } } },
    ...problems(400, 401, 403, 409, 422, 429),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/batches/{id}",
  tags: ["Batches"],
  summary: "A batch's state and each row's result",
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(64)
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: {
    200: { description: "The batch", content: { "application/json": { schema: Batch } } },
    ...problems(401, 404, 429),
  },
});

/** A sheet column's error as the API body names the field. */
const API_FIELD: Record<BatchField, string> = {
  app: "appId",
  admin: "adminJobNumber",
  title: "title",
  start: "start",
  duration: "durationMin",
  invitees: "inviteeJobNumbers",
  ringMode: "remindScope",
  password: "password",
  repeatType: "repeatType",
  repeatInterval: "repeatInterval",
  repeatUntil: "repeatUntil",
  location: "location",
  description: "description",
  room: "roomId",
  externalRef: "externalRef",
};

function apiView(c: ApiContext, b: BatchView) {
  const t = apiTexts(c.get("locale"));
  const text = (m: string) => t.message(m);
  return {
    id: b.id,
    state: b.state,
    total: b.total,
    createdAt: b.createdAt,
    finishedAt: b.finishedAt,
    counts: b.counts,
    rows: b.rows.map(({ line: _l, cells: _c, room: _r, ...r }) => ({
      ...r,
      reason: r.reason ? text(r.reason) : null,
      errors: r.errors.map((e) => ({
        field: e.field ? API_FIELD[e.field] : "",
        message: text(e.message),
      })),
      warnings: r.warnings.map(text),
    })),
  };
}

export function batchRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(createRoute_, async (c) => {
    requirePermission(c, "meeting:book");
    const body = c.req.valid("json");
    const res = await idempotent(c, "POST /batches", body, async () => {
      const actor = apiActor(c);
      const drafts = await draftsFromApi(actor.db, body.rows as ApiBatchRow[]);
      const rows = await checkRows(actor, drafts, c.get("deps"));
      const errors = rows.flatMap((r, i) =>
        r.errors.map((e) => ({
          pointer: `/rows/${i}${e.field ? `/${API_FIELD[e.field]}` : ""}`,
          message: e.message,
        })),
      );
      if (errors.length && !body.onlyValid) throw new ApiProblem("validation", { errors });
      const created = await createBatch(actor, rows, { onlyValid: true });
      if (!created.ok) throw new ApiProblem("validation", { detail: created.error, errors });
      c.set("audited", true);
      void processBatch(created.batchId, { deps: c.get("deps") }).catch((err: unknown) =>
        logger.error({ batchId: created.batchId, err: String(err) }, "batch processing failed"),
      );
      const view = await loadBatch(actor, created.batchId);
      return {
        status: 202,
        body: apiView(c, view!),
        headers: { location: `/api/v1/batches/${created.batchId}` },
      };
    });
    return res as never;
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid("param");
    const p = c.get("principal");
    const batch = await p.db.batch.findFirst({ where: { id }, select: { createdByTokenId: true } });
    // A booker key sees the batches it sent; admin keys every batch of the tenant.
    if (!batch || (!p.can("meeting:manage-any") && batch.createdByTokenId !== p.tokenId))
      throw new ApiProblem("not-found", { detail: "batchNotFound" });
    const view = await loadBatch(apiActor(c), id);
    return c.json(apiView(c, view!) as never, 200);
  });
}
