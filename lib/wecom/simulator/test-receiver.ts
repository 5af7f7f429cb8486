// A tiny callback receiver for tests: records every POST the simulator sends and opens
// it with openCallback, as MeetBridge's endpoints would. What it answers is up to the test
// (default 200 "success"); a `delayMs` longer than the simulator's timeout makes it late.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  callbackSignature,
  decryptCallback,
  generateCallbackToken,
  generateEncodingAesKey,
  openCallback,
  type CallbackKeys,
  type CallbackQuery,
  type OpenedCallback,
} from "../callback-crypto.ts";

export interface Received {
  method: string;
  path: string;
  query: CallbackQuery;
  /** The raw query string, as sent. */
  search: string;
  body: string;
  ciphertext: string;
  toUserName?: string;
  agentId?: string;
}

export interface Answer {
  status?: number;
  body?: string;
  delayMs?: number;
}

const tag = (xml: string, name: string) =>
  new RegExp(`<${name}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${name}>`).exec(xml);
/** A field of a callback's XML (envelope or plaintext), CDATA or bare. */
export const field = (xml: string, name: string) => {
  const m = tag(xml, name);
  return m ? (m[1] ?? m[2] ?? "").trim() : undefined;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export class TestReceiver {
  readonly keys: CallbackKeys = {
    token: generateCallbackToken(),
    encodingAesKey: generateEncodingAesKey(),
  };
  received: Received[] = [];
  /** Answers to give, in order; once used up, 200 "success". */
  answers: Answer[] = [];
  url = "";
  /** The most requests it was answering at once. */
  peakInFlight = 0;
  private inFlight = 0;
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void (async () => {
        const body = await readBody(req);
        const u = new URL(req.url ?? "/", "http://receiver");
        const q = Object.fromEntries(u.searchParams) as unknown as CallbackQuery;
        this.received.push({
          method: req.method ?? "",
          path: u.pathname,
          query: q,
          search: u.search,
          body,
          ciphertext: field(body, "Encrypt") ?? "",
          toUserName: field(body, "ToUserName"),
          agentId: field(body, "AgentID"),
        });
        if (req.method === "GET")
          return this.verifyUrl(q, u.searchParams.get("echostr") ?? "", res);
        const answer = this.answers.shift() ?? {};
        this.peakInFlight = Math.max(this.peakInFlight, ++this.inFlight);
        try {
          if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
        } finally {
          this.inFlight--;
        }
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 200, { "content-type": "text/plain" });
        res.end(answer.body ?? "success");
      })();
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  /** WeCom's URL check, answered as a receiver must: the echostr's plaintext. */
  private verifyUrl(q: CallbackQuery, echostr: string, res: ServerResponse): void {
    const signed = callbackSignature(this.keys.token, q.timestamp, q.nonce, echostr);
    const opened =
      signed === q.msg_signature ? decryptCallback(this.keys.encodingAesKey, echostr) : null;
    res.writeHead(opened ? 200 : 403, { "content-type": "text/plain" });
    res.end(opened ? opened.message : "refused");
  }

  open(r: Received, receiverId: string): OpenedCallback {
    return openCallback({ keys: this.keys, query: r.query, ciphertext: r.ciphertext, receiverId });
  }

  /** The plaintext of a received callback; throws when it does not open. */
  message(r: Received, receiverId: string): string {
    const opened = this.open(r, receiverId);
    if (!opened.ok) throw new Error(`callback refused: ${opened.reason}`);
    return opened.message;
  }

  async waitFor(count: number, withinMs = 5_000): Promise<Received[]> {
    const deadline = Date.now() + withinMs;
    while (this.received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} callbacks, got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.received;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
