import { randomUUID } from "node:crypto";

// A caller's X-Request-Id is kept when it looks like an id (a load balancer's or an OA
// system's), so one id follows a request across systems; anything else (too long, spaces,
// control characters that would forge log lines) is replaced by a fresh one.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && ACCEPTABLE.test(given) ? given : randomUUID();
}
