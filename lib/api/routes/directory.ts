// GET /apps and GET /accounts: what a flow needs to fill a booking (which app may book,
// and who is who: account ids, job numbers, their WeCom mapping). Every key may read.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { listAccounts } from "@/lib/accounts/list-accounts";
import { BOOKABILITY_SELECT, unavailableReason } from "@/lib/meetings/bookable-app";
import { parseAccountFilters } from "@/lib/schemas/account-filters";
import type { ApiEnv } from "../context";
import { Account, AccountListQuery, AccountPage, App, problems } from "../schemas";

const appsRoute = createRoute({
  method: "get",
  path: "/apps",
  tags: ["Directory"],
  summary: "The tenant's WeCom apps, and whether each may book",
  responses: {
    200: {
      description: "Apps by name",
      content: { "application/json": { schema: z.object({ items: z.array(App) }) } },
    },
    ...problems(401, 429),
  },
});

const accountsRoute = createRoute({
  method: "get",
  path: "/accounts",
  tags: ["Directory"],
  summary: "OA accounts with their WeCom mappings",
  description: "Searched and paged like the accounts list (by department, then job number).",
  request: { query: AccountListQuery },
  responses: {
    200: { description: "One page", content: { "application/json": { schema: AccountPage } } },
    ...problems(401, 429),
  },
});

export function directoryRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(appsRoute, async (c) => {
    const apps = await c.get("principal").db.app.findMany({
      select: { id: true, name: true, kind: true, ...BOOKABILITY_SELECT },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    const items = apps.map((a) => {
      const reason = unavailableReason(a);
      return { id: a.id, name: a.name, kind: a.kind, bookable: reason === null, reason };
    });
    return c.json({ items }, 200);
  });

  app.openapi(accountsRoute, async (c) => {
    c.req.valid("query");
    const page = await listAccounts(
      c.get("principal").db,
      parseAccountFilters(new URL(c.req.url).searchParams),
    );
    const items: Account[] = page.rows.map((a) => ({
      id: a.id,
      name: a.name,
      jobNumber: a.jobNumber,
      department: a.department,
      active: a.active,
      mappings: a.mappings.map((m) => ({
        corpName: m.corpName,
        wecomUserId: m.wecomUserId,
        verifyStatus: m.verifyStatus,
      })),
    }));
    return c.json({ items, total: page.total, page: page.page, pageCount: page.pageCount }, 200);
  });
}
