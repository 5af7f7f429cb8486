// The route handlers of both callback URLs (app/api/wecom/{callback,suite}/[appId]): read
// the request within bounds, receive it (receive.ts), answer at once, work afterwards.
import "server-only";
import { afterAck } from "./after-ack";
import { processCallbackEvent } from "./process-event";
import { readBoundedBody } from "./read-body";
import { logCallback, receiveCallback, type CallbackChannel } from "./receive";
import { errorText, logger } from "@/lib/observability/logger";

type Params = { params: Promise<{ appId: string }> };

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

export function callbackRoutes(channel: CallbackChannel) {
  async function handle(request: Request, { params }: Params, method: "GET" | "POST") {
    const { appId } = await params;
    const body = method === "POST" ? await readBoundedBody(request) : null;
    if (body === null && method === "POST") return plain(413, "too large");
    try {
      const answer = await receiveCallback({
        channel,
        appId,
        method,
        url: new URL(request.url),
        body,
      });
      const { processEventId: id, plaintext, log } = answer;
      // A suite ticket is a few sealed writes and exists only in this request (it is
      // stored redacted): kept before answering. Everything else runs after the answer.
      const ticket = answer.kind === "suite_ticket";
      if (id && ticket) await processCallbackEvent(id, { suiteBody: plaintext });
      if (log)
        afterAck(async () => {
          await logCallback(log);
          if (id && !ticket) await processCallbackEvent(id, { suiteBody: plaintext });
        });
      return plain(answer.status, answer.text);
    } catch (err) {
      // WeCom retries a failed delivery; the log says why without the body.
      logger.error({ channel, app: appId, err: errorText(err) }, "callback failed");
      return plain(500, "error");
    }
  }
  return {
    GET: (request: Request, ctx: Params) => handle(request, ctx, "GET"),
    POST: (request: Request, ctx: Params) => handle(request, ctx, "POST"),
  };
}
