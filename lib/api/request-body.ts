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

/** A request that carries a body says it is JSON; one without a body needs no type. */
export const requireJsonBody = createMiddleware<ApiEnv>(async (c, next) => {
  const { raw } = c.req;
  const length = raw.headers.get("content-length");
  const hasBody = raw.body !== null && length !== "0";
  if (hasBody && !JSON_TYPE.test(raw.headers.get("content-type") ?? ""))
    throw new ApiProblem("unsupported-media-type");
  await next();
});
