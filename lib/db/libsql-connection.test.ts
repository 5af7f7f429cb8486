// The SQLite connection under Prisma: what the adapter relies on (rows, errors, a
// transaction that commits or rolls back) and what @libsql/client's own client lost
// (the connection's settings after a transaction).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LibsqlError } from "@libsql/core/api";
import { afterEach, beforeEach, expect, it } from "vitest";
import { LibsqlConnection } from "./libsql-connection";

let dir: string;
let conn: LibsqlConnection;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "mb_libsql_"));
  conn = new LibsqlConnection({ url: `file:${join(dir, "t.db")}`, timeout: 5000 });
  await conn.executeMultiple(
    "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER, b BLOB);",
  );
});
afterEach(async () => {
  conn.close();
  await rm(dir, { recursive: true, force: true });
});

const synchronous = async () => (await conn.execute("PRAGMA synchronous")).rows[0]?.[0];

it("keeps synchronous = NORMAL on its one connection, before and after a transaction", async () => {
  expect(await synchronous()).toBe(1);
  const tx = await conn.transaction("deferred");
  await tx.execute({ sql: "INSERT INTO t (name) VALUES (?)", args: ["a"] });
  await tx.commit();
  expect(await synchronous()).toBe(1);
});

it("returns rows as arrays with the declared column types, and counts changed rows", async () => {
  const inserted = await conn.execute({
    sql: "INSERT INTO t (name, n, b) VALUES (?, ?, ?)",
    args: ["张三", 42, new Uint8Array([1, 2, 3])],
  });
  expect(inserted.rowsAffected).toBe(1);
  const res = await conn.execute({ sql: "SELECT name, n, b FROM t WHERE n = ?", args: [42] });
  expect(res.columns).toEqual(["name", "n", "b"]);
  expect(res.columnTypes).toEqual(["TEXT", "INTEGER", "BLOB"]);
  const [name, n, b] = res.rows[0] as unknown as [string, number, ArrayBuffer];
  expect([name, n]).toEqual(["张三", 42]);
  expect([...new Uint8Array(b)]).toEqual([1, 2, 3]);
  // The same statement again (from the cache) with other arguments.
  expect(
    (await conn.execute({ sql: "SELECT name, n, b FROM t WHERE n = ?", args: [7] })).rows,
  ).toEqual([]);
});

it("refuses an integer JavaScript cannot hold, as @libsql/client does", async () => {
  await conn.execute({ sql: "INSERT INTO t (name, n) VALUES (?, ?)", args: ["big", 2n ** 60n] });
  await expect(conn.execute("SELECT n FROM t")).rejects.toThrow(RangeError);
});

it("throws the error Prisma's adapter maps: a unique violation with its extended code", async () => {
  await conn.execute({ sql: "INSERT INTO t (name) VALUES (?)", args: ["a"] });
  const err = await conn
    .execute({ sql: "INSERT INTO t (name) VALUES (?)", args: ["a"] })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(LibsqlError);
  expect(err).toMatchObject({ code: "SQLITE_CONSTRAINT", rawCode: 2067 });
  expect((err as Error).message).toContain("UNIQUE constraint failed: t.name");
});

it("rolls a transaction back, and a closed transaction leaves nothing open", async () => {
  const tx = await conn.transaction("deferred");
  await tx.execute({ sql: "INSERT INTO t (name) VALUES (?)", args: ["gone"] });
  await tx.rollback();
  expect(tx.closed).toBe(true);
  const left = await conn.transaction("write");
  await left.execute({ sql: "INSERT INTO t (name) VALUES (?)", args: ["also gone"] });
  left.close();
  expect((await conn.execute("SELECT COUNT(*) FROM t")).rows[0]?.[0]).toBe(0);
});

it("says so when used after close", async () => {
  conn.close();
  await expect(conn.execute("SELECT 1")).rejects.toMatchObject({ code: "CLIENT_CLOSED" });
  conn = new LibsqlConnection({ url: `file:${join(dir, "t.db")}`, timeout: 5000 });
});
