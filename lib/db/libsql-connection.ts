// The SQLite connection under Prisma's libSQL adapter (docs/decisions/024). Prisma's
// adapter (@prisma/adapter-libsql) keeps its type mapping, error mapping and its lock:
// one statement or one transaction at a time. What this replaces is @libsql/client's
// local-file client, for three things it does that cost a booking dearly:
// - it opens a new connection after every transaction (and leaves the old one to the
//   garbage collector), so per-connection settings are lost: without
//   `synchronous = NORMAL` every commit waits for an fsync;
// - it prepares every statement again, on each call;
// - it builds each row as an object with a property per column.
// Here: one connection for the client's life, with its settings made once; prepared
// statements kept by SQL text; rows as arrays. Values cross as @libsql/client's default
// "number" mode has them (the adapter was written against that).
import type {
  Client,
  Config,
  InArgs,
  InStatement,
  InValue,
  ResultSet,
  Row,
  Transaction,
  TransactionMode,
} from "@libsql/client";
import { LibsqlError } from "@libsql/core/api";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import Database from "libsql";
import { SQLITE_BUSY_TIMEOUT_MS, sqlitePathOf } from "./provider.ts";

export interface LibsqlConnectionOptions {
  /** The database file (`file:` URLs and `:memory:` alike). */
  url: string;
  /** How long a writer waits for another process's lock, in ms. */
  timeout: number;
}

/** Enough for every query shape MeetBridge makes; beyond it the oldest are finalized. */
const STATEMENT_CACHE_SIZE = 500;

type Statement = ReturnType<Database.Database["prepare"]>;

interface Prepared {
  statement: Statement;
  /** Column names and declared types of a statement that returns rows, else null. */
  columns: { names: string[]; types: string[] } | null;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function valueFromSql(value: unknown): unknown {
  if (typeof value === "bigint") {
    if (value < MIN_SAFE || value > MAX_SAFE)
      throw new RangeError(
        "Received integer which cannot be safely represented as a JavaScript number",
      );
    return Number(value);
  }
  if (Buffer.isBuffer(value))
    return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return value;
}

function valueToSql(value: InValue): unknown {
  if (typeof value === "number" && !Number.isFinite(value))
    throw new RangeError("Only finite numbers (not Infinity or NaN) can be passed as arguments");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined)
    throw new TypeError("undefined cannot be passed as argument to the database");
  return value;
}

function argsOf(args: InArgs | undefined): unknown[] | Record<string, unknown> {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(valueToSql);
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k.replace(/^[@$:]/, ""), valueToSql(v)]),
  );
}

const BASE_CODES: Record<number, string> = {
  1: "SQLITE_ERROR",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  8: "SQLITE_READONLY",
  10: "SQLITE_IOERR",
  11: "SQLITE_CORRUPT",
  13: "SQLITE_FULL",
  14: "SQLITE_CANTOPEN",
  19: "SQLITE_CONSTRAINT",
};

/** The error @libsql/client would throw, which Prisma's adapter maps to its own kinds. */
function mapError(e: unknown): unknown {
  if (!(e instanceof Database.SqliteError)) return e;
  const rawCode = (e as { rawCode?: number }).rawCode;
  const base = rawCode === undefined ? 0 : rawCode & 0xff;
  const code = BASE_CODES[base] ?? `SQLITE_UNKNOWN_${base}`;
  return new LibsqlError(e.message, code, e.code, rawCode, e);
}

function resultSet(
  columns: string[],
  columnTypes: string[],
  rows: unknown[][],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes,
    // The adapter reads rows by index and length only.
    rows: rows as unknown as Row[],
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, columnTypes, rows, rowsAffected }),
  };
}

/** One `libsql` connection with the subset of @libsql/client's `Client` Prisma uses. */
export class LibsqlConnection implements Client {
  readonly protocol = "file";
  closed = false;
  #db: Database.Database;
  #statements = new Map<string, Prepared>();

  constructor(options: LibsqlConnectionOptions) {
    this.#db = new Database(sqlitePathOf(options.url), { timeout: options.timeout });
    // The write-ahead log is set on the file by the migrations (lib/db/migrate.ts); with
    // it, NORMAL loses no committed transaction on a crash of the process, only on a
    // power cut, and spares every commit an fsync.
    this.#db.exec("PRAGMA synchronous = NORMAL");
  }

  #prepare(sql: string): Prepared {
    const cached = this.#statements.get(sql);
    if (cached) {
      // Most recently used last, so the first key is the one to let go.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = this.#db.prepare(sql);
    let columns: Prepared["columns"] = null;
    if (statement.reader) {
      statement.safeIntegers(true);
      statement.raw(true);
      const described = statement.columns();
      columns = { names: described.map((c) => c.name), types: described.map((c) => c.type ?? "") };
    }
    const prepared = { statement, columns };
    this.#statements.set(sql, prepared);
    if (this.#statements.size > STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return prepared;
  }

  #run(stmt: InStatement): ResultSet {
    this.#checkOpen();
    const { sql, args } = typeof stmt === "string" ? { sql: stmt, args: undefined } : stmt;
    try {
      const { statement, columns } = this.#prepare(sql);
      const bound = argsOf(args);
      if (columns) {
        const raw = statement.all(bound) as unknown[][];
        const rows = raw.map((row) => row.map(valueFromSql));
        return resultSet(columns.names, columns.types, rows, 0, undefined);
      }
      const info = statement.run(bound);
      return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (e) {
      throw mapError(e);
    }
  }

  #exec(sql: string): void {
    this.#checkOpen();
    try {
      this.#db.exec(sql);
    } catch (e) {
      throw mapError(e);
    }
  }

  #checkOpen(): void {
    if (this.closed) throw new LibsqlError("The client is closed", "CLIENT_CLOSED");
  }

  execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const stmt = typeof stmtOrSql === "string" ? { sql: stmtOrSql, args } : stmtOrSql;
    return Promise.resolve().then(() => this.#run(stmt));
  }

  async batch(stmts: (InStatement | [string, InArgs?])[], mode: TransactionMode = "deferred") {
    const tx = await this.transaction(mode);
    try {
      const results: ResultSet[] = [];
      for (const s of stmts)
        results.push(await tx.execute(Array.isArray(s) ? { sql: s[0], args: s[1] } : s));
      await tx.commit();
      return results;
    } finally {
      tx.close();
    }
  }

  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.batch(stmts, "deferred");
  }

  /**
   * A transaction on this same connection. Prisma's adapter holds its lock from the
   * start of a transaction to its end, so nothing else runs on the connection meanwhile.
   */
  transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    return Promise.resolve().then(() => {
      this.#exec(mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
      return this.#transaction();
    });
  }

  #transaction(): Transaction {
    const db = this.#db;
    const finish = (sql: string) =>
      Promise.resolve().then(() => {
        if (db.inTransaction) this.#exec(sql);
      });
    const tx: Transaction = {
      execute: (stmt: InStatement) => this.execute(stmt),
      batch: async (stmts: InStatement[]) => {
        const results: ResultSet[] = [];
        for (const s of stmts) results.push(await this.execute(s));
        return results;
      },
      executeMultiple: (sql: string) => this.executeMultiple(sql),
      commit: () => finish("COMMIT"),
      rollback: () => finish("ROLLBACK"),
      close: () => {
        if (db.inTransaction) this.#exec("ROLLBACK");
      },
      get closed() {
        return !db.inTransaction;
      },
    };
    return tx;
  }

  executeMultiple(sql: string): Promise<void> {
    return Promise.resolve().then(() => this.#exec(sql));
  }

  sync(): Promise<undefined> {
    return Promise.reject(new LibsqlError("sync is for remote replicas", "SYNC_NOT_SUPPORTED"));
  }

  reconnect(): void {
    // One local connection: nothing to reconnect.
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.#statements.clear();
    this.#db.close();
  }
}

/** Prisma's libSQL adapter on a {@link LibsqlConnection}, for the client and the migrations. */
export class PrismaSqlite extends PrismaLibSql {
  constructor(url: string) {
    super({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }

  override createClient(config: Config): Client {
    return new LibsqlConnection({
      url: config.url,
      timeout: config.timeout ?? SQLITE_BUSY_TIMEOUT_MS,
    });
  }
}
