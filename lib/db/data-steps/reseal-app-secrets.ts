// Data step: app credentials sealed before the app row was bound into their context
// (decision 008) are opened under the old context and sealed again under the new one.
// Rows sealed the new way carry a prefix and are left alone, so the step is idempotent.
import {
  APP_BOUND_PREFIX,
  APP_SECRET_COLUMNS,
  resealLegacyAppSecret,
  type AppSecretColumn,
} from "../../crypto/app-secret.ts";
import type { Db } from "../create-db.ts";

type Row = { id: string; tenantId: string } & Record<AppSecretColumn, string | null>;

const legacy = (stored: string | null): stored is string =>
  stored !== null && !stored.startsWith(APP_BOUND_PREFIX);

export async function resealAppSecrets(db: Db, log?: (line: string) => void): Promise<number> {
  const rows = (await db.app.findMany({
    where: {
      OR: APP_SECRET_COLUMNS.map((column) => ({
        AND: [{ [column]: { not: null } }, { NOT: { [column]: { startsWith: APP_BOUND_PREFIX } } }],
      })),
    },
    select: {
      id: true,
      tenantId: true,
      ...Object.fromEntries(APP_SECRET_COLUMNS.map((c) => [c, true])),
    },
  })) as unknown as Row[];
  let changed = 0;
  for (const row of rows) {
    const data: Partial<Record<AppSecretColumn, string>> = {};
    const read: Partial<Record<AppSecretColumn, string>> = {};
    for (const column of APP_SECRET_COLUMNS) {
      const stored = row[column];
      if (!legacy(stored)) continue;
      try {
        data[column] = resealLegacyAppSecret(row, column, stored);
        read[column] = stored;
      } catch {
        // It did not open before either (another key, or damaged): left as it is, and the
        // app reads as lacking that credential until an admin enters it again.
        log?.(`app ${row.id}: ${column} does not open with this key; left unchanged`);
      }
    }
    if (Object.keys(data).length === 0) continue;
    // Only where the row still holds what was read: a save made meanwhile is kept.
    const { count } = await db.app.updateMany({ where: { id: row.id, ...read }, data });
    changed += count;
  }
  return changed;
}
