"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TablePager } from "@/components/ui/table-pager";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { AccountListRow } from "@/lib/accounts/list-accounts";
import { ACCOUNT_PAGE_SIZES, type AccountFilters } from "@/lib/schemas/account-filters";
import { useAccountFiltersUrl } from "./use-account-filters-url";
import { VerifyStatusBadge } from "./verify-status-badge";

const SORT_IDS = { name: "name", jobNumber: "jobNumber", department: "department" } as const;

export function AccountsTable({
  rows,
  filters,
  total,
  page,
  pageCount,
  timeZone,
}: {
  rows: AccountListRow[];
  filters: AccountFilters;
  total: number;
  page: number;
  pageCount: number;
  timeZone: string;
}) {
  const t = useTranslations("accountsAdmin");
  const { apply, pending } = useAccountFiltersUrl(filters);
  const sorting: SortingState = [{ id: filters.sort, desc: filters.dir === "desc" }];

  const columns = useMemo<ColumnDef<AccountListRow>[]>(
    () => [
      {
        id: SORT_IDS.name,
        header: t("columns.name"),
        enableSorting: true,
        cell: ({ row }) => (
          <Link
            prefetch={false}
            href={`/settings/accounts/${row.original.id}`}
            className="font-medium hover:underline"
          >
            {row.original.name}
          </Link>
        ),
      },
      {
        id: SORT_IDS.jobNumber,
        header: t("columns.jobNumber"),
        enableSorting: true,
        cell: ({ row }) => <span className="font-mono">{row.original.jobNumber ?? "—"}</span>,
      },
      {
        id: SORT_IDS.department,
        header: t("columns.department"),
        enableSorting: true,
        cell: ({ row }) => row.original.department ?? "—",
      },
      {
        id: "email",
        header: t("columns.email"),
        cell: ({ row }) => row.original.email ?? "—",
      },
      {
        id: "userIds",
        header: t("columns.userIds"),
        cell: ({ row }) =>
          row.original.mappings.length === 0 ? (
            <span className="text-muted-foreground">{t("unmapped")}</span>
          ) : (
            <ul className="space-y-1">
              {row.original.mappings.map((m) => (
                <li key={m.corpRowId} className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-xs">
                    {m.wecomUserId}{" "}
                    <span className="font-sans text-muted-foreground">· {m.corpName}</span>
                  </span>
                  <VerifyStatusBadge
                    status={m.verifyStatus}
                    verifiedAt={m.verifiedAt}
                    appName={m.verifiedAppName}
                    timeZone={timeZone}
                  />
                </li>
              ))}
            </ul>
          ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) =>
          row.original.active ? (
            <Badge variant="secondary">{t("state.active")}</Badge>
          ) : (
            <Badge variant="outline">{t("state.inactive")}</Badge>
          ),
      },
      {
        id: "actions",
        header: t("actions.label"),
        cell: ({ row }) => (
          <Button asChild variant="ghost" size="sm">
            <Link prefetch={false} href={`/settings/accounts/${row.original.id}`}>
              {t("actions.edit")}
            </Link>
          </Button>
        ),
      },
    ],
    [t, timeZone],
  );

  // TanStack Table v8 returns fresh functions each render (see meetings-table.tsx).
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (r) => r.id,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    enableSortingRemoval: false,
    pageCount,
    state: { sorting, pagination: { pageIndex: page - 1, pageSize: filters.size } },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const s = next[0];
      if (s && s.id in SORT_IDS)
        apply({ sort: s.id as AccountFilters["sort"], dir: s.desc ? "desc" : "asc" });
    },
  });

  return (
    <div className="space-y-3" aria-busy={pending}>
      <div className="rounded-lg border bg-background" data-testid="accounts-table">
        <Table>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <TableHead
                      key={header.id}
                      aria-sort={
                        sorted === "asc"
                          ? "ascending"
                          : sorted === "desc"
                            ? "descending"
                            : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 hover:underline"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {label}
                          {sorted === "asc" ? (
                            <ArrowUp className="size-3" aria-hidden />
                          ) : sorted === "desc" ? (
                            <ArrowDown className="size-3" aria-hidden />
                          ) : null}
                        </button>
                      ) : (
                        label
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.map((row) => (
              <TableRow
                key={row.id}
                data-testid={`account-row-${row.original.jobNumber ?? row.id}`}
                className={row.original.active ? undefined : "text-muted-foreground"}
              >
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <TablePager
        summary={t("pagination.summary", { total, page, pageCount })}
        summaryTestId="accounts-summary"
        labels={{
          pageSize: t("filters.pageSize"),
          previous: t("pagination.previous"),
          next: t("pagination.next"),
        }}
        size={filters.size}
        sizes={ACCOUNT_PAGE_SIZES}
        onSize={(size: AccountFilters["size"]) => apply({ size })}
        page={page}
        pageCount={pageCount}
        onPage={(p) => apply({ page: p })}
      />
    </div>
  );
}
