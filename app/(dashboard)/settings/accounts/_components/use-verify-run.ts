"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { verifyMappingsAction } from "@/lib/actions/verify-mappings";

type Counts = { ok: number; not_found: number; out_of_range: number; skipped: number };
export interface VerifyRun {
  phase: "idle" | "running" | "done" | "stopped" | "failed";
  done: number;
  total: number;
  counts: Counts;
  cursor: string | null;
  error?: string;
}
export const VERIFY_START: VerifyRun = {
  phase: "idle",
  done: 0,
  total: 0,
  counts: { ok: 0, not_found: 0, out_of_range: 0, skipped: 0 },
  cursor: null,
};

/** Which mappings: one account's, those an import wrote (created since), or all. */
export interface VerifyScope {
  accountId?: string;
  createdSince?: string;
}

/**
 * Verifies mappings against WeCom one batch per server action (50 mappings, 5 user/get
 * calls at a time on the server), keeping the progress; stop and resume keep the place.
 * Shared by the 校验映射 dialog and the import's check of the userids it wrote.
 */
export function useVerifyRun(scope: VerifyScope) {
  const router = useRouter();
  const [run, setRun] = useState<VerifyRun>(VERIFY_START);
  const stop = useRef(false);

  const go = async (from: VerifyRun, over: VerifyScope = scope) => {
    stop.current = false;
    let state: VerifyRun = { ...from, phase: "running", error: undefined };
    setRun(state);
    for (;;) {
      let r: Awaited<ReturnType<typeof verifyMappingsAction>>;
      try {
        r = await verifyMappingsAction({ cursor: state.cursor, ...over });
      } catch {
        setRun((state = { ...state, phase: "failed", error: undefined }));
        return;
      }
      if (!r.ok) {
        setRun({ ...state, phase: "failed", error: r.formError });
        return;
      }
      state = {
        ...state,
        total: r.total,
        done: state.done + r.processed,
        cursor: r.nextCursor,
        counts: {
          ok: state.counts.ok + r.counts.ok,
          not_found: state.counts.not_found + r.counts.not_found,
          out_of_range: state.counts.out_of_range + r.counts.out_of_range,
          skipped: state.counts.skipped + r.counts.skipped,
        },
      };
      if (r.error) {
        setRun({ ...state, phase: "failed", error: r.error });
        return;
      }
      if (r.done) {
        setRun({ ...state, phase: "done", done: r.total });
        router.refresh();
        return;
      }
      if (stop.current) {
        setRun({ ...state, phase: "stopped" });
        router.refresh();
        return;
      }
      setRun(state);
    }
  };

  return {
    run,
    /** Starts afresh, or resumes a stopped or failed run where it stopped. */
    go,
    stop: () => (stop.current = true),
    reset: () => setRun(VERIFY_START),
  };
}
