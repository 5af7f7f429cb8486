// Injected failures, so a client's retry, back-off and "half-saved meeting" handling can
// be tested against the same server that otherwise behaves like WeCom.
import { z } from "zod";

export const faultSpecSchema = z
  .object({
    operation: z.string().min(1),
    count: z.number().int().min(1).default(1),
    errcode: z.number().int().optional(),
    errmsg: z.string().optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    /** Destroy the socket without answering: the client sees a network error. */
    drop: z.boolean().optional(),
    /**
     * Throw inside the handler, "before" it acts or "after" it did (a create then holds
     * the meeting): answered, like any simulator failure, with HTTP 500. Applies once
     * the call reaches its handler (a token refusal comes first).
     */
    crash: z.enum(["before", "after"]).optional(),
  })
  .refine(
    (f) => f.errcode !== undefined || f.delayMs !== undefined || f.drop || f.crash !== undefined,
    { message: "a fault needs errcode, delayMs, drop or crash" },
  )
  .refine((f) => f.errcode !== 0, { message: "errcode 0 is not a fault" });

export type FaultSpec = z.infer<typeof faultSpecSchema>;
export interface Fault extends FaultSpec {
  remaining: number;
}

const DEFAULT_ERRMSG: Record<number, string> = {
  [-1]: "system busy",
  45009: "api freq out of limit",
  45033: "api concurrent out of limit",
  60020: "not allow to access from your ip",
  48004: "api forbidden for invalid auth",
};

export class FaultQueue {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault = { ...spec, remaining: spec.count };
    this.faults.push(fault);
    return fault;
  }

  /** The fault for this call, if any: queued faults of an operation apply in the order added. */
  take(operation: string): Fault | undefined {
    const fault = this.faults.find((f) => f.operation === operation && f.remaining > 0);
    if (!fault) return undefined;
    fault.remaining--;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}

export function faultErrmsg(fault: Fault): string {
  return fault.errmsg ?? DEFAULT_ERRMSG[fault.errcode ?? -1] ?? `simulated error ${fault.errcode}`;
}
