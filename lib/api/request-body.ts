// What the API accepts as a request body, checked before anything reads it: at most
// MAX_BODY_BYTES (the Content-Length, and the bytes counted as they stream for a chunked
// body: hono's bodyLimit), and JSON only. Either refusal is a problem document.
import { createMiddleware } from "hono/factory";
import { bodyLimit } from "hono/body-limit";
import { msg } from "@/lib/schemas/messages";
import type { ApiEnv } from "./context";
import { ApiProblem } from "./problem";

/** 64 kB: a booking with 1,000 invitees by id is about 30 kB. */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiProblem("payload-too-large", {
      detail: msg("payloadTooLarge", { max: MAX_BODY_BYTES / 1024 }),
    });
  },
});

async function hasBody(raw: Request): Promise<boolean> {
  if (raw.body === null) return false;
  const length = raw.headers.get("content-length");
  if (length !== null) return length !== "0";
  // Chunked, or a stream of unknown length: limitBody has already read it (capped).
  return (await raw.clone().arrayBuffer()).byteLength > 0;
}

/** A request that carries a body says it is JSON; one without a body (a cancel) needs no type. */
export const requireJsonBody = createMiddleware<ApiEnv>(async (c, next) => {
  const type = c.req.header("content-type") ?? "";
  if (!JSON_TYPE.test(type) && (await hasBody(c.req.raw)))
    throw new ApiProblem("unsupported-media-type");
  await next();
});
