// A client that notes every model operation it runs (tests): what a piece of code asks of
// the database, counted the way Prisma sees it (a nested create or a batch is one).
import type { Db } from "@/lib/db/client.ts";

export interface LoggedOperation {
  /** The model's name, e.g. "CallLog". */
  model: string;
  /** e.g. "findFirst", "upsert", "count". */
  operation: string;
}

/** `db` with every operation noted in `ops` (in order; empty it with `ops.length = 0`). */
export function withOperationLog(db: Db): { db: Db; ops: LoggedOperation[] } {
  const ops: LoggedOperation[] = [];
  const logged = db.$extends({
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          ops.push({ model, operation });
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  return { db: logged, ops };
}
