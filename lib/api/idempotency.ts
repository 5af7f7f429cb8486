// Idempotency-Key (POST /meetings and cancel): the first answer to a key is stored and
// given again to every retry, for at least 24 hours, without running the request again.
//
// The ApiIdempotency row is the lock, not memory, so this holds across app instances: the
// first request inserts the row "in progress" under the unique (tokenId, key): each API
// key has its own keys, so one key can neither block nor replay another's; a
// concurrent request with the same key and body fails that insert and waits for the
// first one's answer; the same key with another body is refused (422). Transient
// failures (502, 429, 409, 5xx) are not stored: the row goes, and a retry runs afresh
// (booking is safe to rerun: lib/meetings never books one Idempotency-Key twice either).
import { createHash } from "node:crypto";
import { isUniqueViolation } from "@/lib/meetings/db-errors";
import type { ApiContext } from "./context";
import { ApiProblem, problemDocument } from "./problem";

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** How long a retry waits for the first request with its key to answer. */
const WAIT_MS = 30_000;
/** An answer still missing after this long: the first request's process died. */
const ABANDONED_MS = 120_000;
const KEY_RE = /^[\x21-\x7e]{1,255}$/;

/** An answer as stored and replayed. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function answerResponse(answer: ApiAnswer, replayed = false): Response {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: {
      "content-type": "application/json",
      ...answer.headers,
      ...(replayed ? { "idempotent-replayed": "true" } : {}),
    },
  });
}

/** Whether a retry may run the request again rather than get this answer back. */
function transient(status: number): boolean {
  return status >= 500 || status === 429 || status === 409;
}

/** The request's Idempotency-Key, validated; undefined when none was sent. */
export function idempotencyKeyOf(c: ApiContext): string | undefined {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return undefined;
  if (!KEY_RE.test(key))
    throw new ApiProblem("validation", {
      detail: "idempotencyKeyInvalid",
      errors: [{ pointer: "/headers/Idempotency-Key", message: "idempotencyKeyInvalid" }],
    });
  return key;
}

/**
 * Runs `run` once per Idempotency-Key (when the request has one) and answers every
 * request with that key by its first answer. `body` is what must match (the parsed body).
 */
export async function idempotent(
  c: ApiContext,
  operation: string,
  body: unknown,
  run: () => Promise<ApiAnswer>,
): Promise<Response> {
  const asAnswer = async (): Promise<ApiAnswer> => {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof ApiProblem)) throw err;
      const headers: Record<string, string> = { "content-type": "application/problem+json" };
      if (err.init.retryAfterSec !== undefined)
        headers["retry-after"] = String(err.init.retryAfterSec);
      return {
        status: err.status,
        body: problemDocument(err, c.get("locale"), c.req.path),
        headers,
      };
    }
  };
  const key = idempotencyKeyOf(c);
  if (key === undefined) return answerResponse(await asAnswer());

  const p = c.get("principal");
  const db = p.db;
  const requestHash = createHash("sha256")
    .update(JSON.stringify({ token: p.tokenId, operation, body }))
    .digest("hex");
  const deadline = Date.now() + WAIT_MS;
  let rowId: string | undefined;
  while (!rowId) {
    const now = new Date();
    try {
      const row = await db.apiIdempotency.create({
        data: {
          tenantId: p.tenant.id,
          tokenId: p.tokenId,
          key,
          operation,
          requestHash,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
        },
        select: { id: true },
      });
      rowId = row.id;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const first = await db.apiIdempotency.findFirst({
        where: { tokenId: p.tokenId, key },
        select: {
          id: true,
          requestHash: true,
          status: true,
          response: true,
          createdAt: true,
          expiresAt: true,
        },
      });
      if (!first) continue; // the first one failed transiently and let go: try in our own right
      // An expired record of this key is forgotten here, when it is in the way, rather
      // than by a delete before every insert: one write less per request (decision 017;
      // the scheduler sweeps the rest).
      if (first.expiresAt < now) {
        await db.apiIdempotency.deleteMany({ where: { id: first.id, expiresAt: { lt: now } } });
        continue;
      }
      if (first.requestHash !== requestHash) throw new ApiProblem("idempotency-key-reused");
      if (first.status !== null && first.response !== null)
        return answerResponse(JSON.parse(first.response) as ApiAnswer, true);
      if (Date.now() - first.createdAt.getTime() > ABANDONED_MS) {
        await db.apiIdempotency.deleteMany({ where: { id: first.id, status: null } });
        continue;
      }
      if (Date.now() > deadline) throw new ApiProblem("idempotency-in-progress");
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  let answer: ApiAnswer;
  try {
    answer = await asAnswer();
  } catch (err) {
    await db.apiIdempotency.deleteMany({ where: { id: rowId } });
    throw err;
  }
  if (transient(answer.status)) await db.apiIdempotency.deleteMany({ where: { id: rowId } });
  else
    // updateMany: no row (with the answer just stored) read back and mapped.
    await db.apiIdempotency.updateMany({
      where: { id: rowId },
      data: { status: answer.status, response: JSON.stringify(answer) },
    });
  return answerResponse(answer);
}
