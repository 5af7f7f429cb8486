"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, Lock } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useMemo, useState } from "react";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TablePager } from "@/components/ui/table-pager";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { MeetingListRow } from "@/lib/meetings/list-meetings";
import { PAGE_SIZES, type MeetingFilters } from "@/lib/schemas/meeting-filters";
import { cn } from "@/lib/utils/cn";
import type { CancelTarget } from "./cancel-dialog";
import { SeriesMarker, StartCell } from "./series-cells";
import { useFiltersUrl } from "./use-filters-url";

// The cancel dialog (Radix AlertDialog, the toast) loads on the first cancel, not with
// the list (docs/decisions/005).
const CancelDialog = dynamic(() => import("./cancel-dialog").then((m) => m.CancelDialog), {
  ssr: false,
});

export type MeetingTableRow = MeetingListRow & {
  mayManage: boolean;
  /** A series: its rule in words (the marker's tooltip). */
  ruleWords: string | null;
};

const SORT_IDS = { start: "start", title: "title", status: "status" } as const;
type ColumnSort = keyof typeof SORT_IDS;

/**
 * Below `md` each row is a card (the header hidden, the cells stacked): title, time and
 * length, status, then the actions. Selection and the admin and app columns stay on wider
 * screens; a phone cancels one meeting at a time.
 */
const CARD_CELL: Record<string, string> = {
  select: "max-md:hidden",
  title: "max-md:basis-full max-md:text-base",
  start: "max-md:text-muted-foreground",
  duration: "max-md:text-muted-foreground",
  admin: "max-md:hidden",
  app: "max-md:hidden",
  status: "",
  actions: "max-md:-ml-2 max-md:basis-full",
};

/**
 * What the cancel dialog needs of a row. A series offers "this one" (the occurrence the
 * row shows, when it is booked; WeCom must have listed it) or the whole series, and says
 * how many occurrences the whole takes.
 */
function cancelTargetOf(m: MeetingTableRow, when: (sec: number) => string): CancelTarget {
  const shown = m.series?.shown;
  const occurrence =
    shown?.status === "booked"
      ? { subMeetingId: shown.subMeetingId, when: when(shown.startAt) }
      : null;
  return {
    id: m.id,
    title: m.title,
    ...(m.series ? { series: { remaining: m.series.remaining, occurrence } } : {}),
  };
}

export function MeetingsTable({
  rows,
  filters,
  total,
  page,
  pageCount,
  timeZone,
  canBook,
  ownOnly,
}: {
  rows: MeetingTableRow[];
  filters: MeetingFilters;
  total: number;
  page: number;
  pageCount: number;
  timeZone: string;
  /** Whether the role may book: a viewer is not offered a copy it could not book. */
  canBook: boolean;
  /** A booker (manages only their own meetings): the others' rows say who may. */
  ownOnly: boolean;
}) {
  const t = useTranslations("meetings");
  const format = useFormatter();
  const tocc = useTranslations("occurrences");
  const { apply, pending } = useFiltersUrl(filters);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [cancelling, setCancelling] = useState<CancelTarget[] | null>(null);
  // Mounted from the first cancel on, so that it closes as it opened (animated).
  const [cancelUsed, setCancelUsed] = useState(false);
  if (cancelling && !cancelUsed) setCancelUsed(true);
  // The default order (upcoming first) is no single column's: no header shows a sort then.
  const ranged = Boolean(filters.from || filters.to);
  const sorting: SortingState =
    filters.sort === "upcoming" ? [] : [{ id: filters.sort, desc: filters.dir === "desc" }];
  // A header sorts ascending first, then toggles.
  const sortBy = (id: ColumnSort) =>
    apply({
      sort: id,
      dir: filters.sort === id && filters.dir === "asc" ? "desc" : "asc",
    });

  const columns = useMemo<ColumnDef<MeetingTableRow>[]>(
    () => [
      {
        id: "select",
        header: ({ table }) => (
          <Checkbox
            aria-label={t("list.actions.selectAll")}
            checked={
              table.getIsAllPageRowsSelected() ||
              (table.getIsSomePageRowsSelected() && "indeterminate")
            }
            onCheckedChange={(v) => table.toggleAllPageRowsSelected(v === true)}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            aria-label={t("list.actions.selectRow", { title: row.original.title })}
            checked={row.getIsSelected()}
            disabled={!row.getCanSelect()}
            onCheckedChange={(v) => row.toggleSelected(v === true)}
          />
        ),
      },
      {
        id: SORT_IDS.title,
        header: t("columns.title"),
        cell: ({ row }) => (
          <span className="inline-flex flex-wrap items-center gap-1.5">
            <Link
              prefetch={false}
              href={`/meetings/${row.original.id}`}
              className="font-medium hover:underline"
            >
              {row.original.title}
            </Link>
            {row.original.ruleWords !== null ? (
              <SeriesMarker rule={row.original.ruleWords} />
            ) : null}
          </span>
        ),
      },
      {
        id: SORT_IDS.start,
        header: t("columns.start"),
        cell: ({ row }) => <StartCell row={row.original} timeZone={timeZone} ranged={ranged} />,
      },
      {
        id: "duration",
        header: t("columns.duration"),
        cell: ({ row }) => t("minutes", { count: Math.round(row.original.durationSec / 60) }),
      },
      { id: "admin", header: t("columns.admin"), cell: ({ row }) => row.original.admin.name },
      { id: "app", header: t("columns.app"), cell: ({ row }) => row.original.app.name },
      {
        id: SORT_IDS.status,
        header: t("columns.status"),
        cell: ({ row }) => (
          <span className="inline-flex flex-wrap gap-1">
            <MeetingStatusBadge status={row.original.status} />
            {row.original.needsReconciliation ? (
              <Badge variant="destructive">{t("needsReconciliation")}</Badge>
            ) : null}
            {row.original.cancelledOccurrences.map((sec) => (
              <Badge key={sec} variant="outline" data-testid="cancelled-occurrence">
                {tocc("cancelledOn", {
                  day: format.dateTime(new Date(sec * 1000), {
                    month: "numeric",
                    day: "numeric",
                    timeZone,
                  }),
                })}
              </Badge>
            ))}
          </span>
        ),
      },
      {
        id: "actions",
        header: t("list.actions.label"),
        cell: ({ row }) => {
          const m = row.original;
          const manageable = m.mayManage && m.status === "booked";
          return (
            <span className="inline-flex flex-wrap gap-1">
              <Button asChild variant="ghost" size="sm">
                <Link prefetch={false} href={`/meetings/${m.id}`}>
                  {t("list.actions.open")}
                </Link>
              </Button>
              {manageable ? (
                <>
                  <Button asChild variant="ghost" size="sm">
                    <Link prefetch={false} href={`/meetings/${m.id}/edit`}>
                      {t("list.actions.edit")}
                    </Link>
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() =>
                      setCancelling([
                        cancelTargetOf(m, (sec) =>
                          format.dateTime(new Date(sec * 1000), {
                            dateStyle: "medium",
                            timeStyle: "short",
                            timeZone,
                          }),
                        ),
                      ])
                    }
                  >
                    {t("list.actions.cancel")}
                  </Button>
                </>
              ) : ownOnly && m.status === "booked" && !m.mayManage ? (
                <span className="inline-flex items-center gap-1 px-2 text-xs text-muted-foreground">
                  <Lock className="size-3" aria-hidden />
                  {m.bookedBy
                    ? t("list.actions.onlyBooker", { name: m.bookedBy })
                    : t("list.actions.onlyAdmins")}
                </span>
              ) : null}
              {canBook ? (
                <Button asChild variant="ghost" size="sm">
                  <Link href={`/meetings/new?copy=${m.id}`}>{t("list.actions.copy")}</Link>
                </Button>
              ) : null}
            </span>
          );
        },
      },
    ],
    [t, tocc, format, timeZone, canBook, ownOnly, ranged],
  );

  // TanStack Table v8 returns fresh functions each render; nothing here is memoised by
  // the compiler anyway (the table is re-rendered from server props on every URL change).
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
    state: {
      sorting,
      rowSelection: selection,
      pagination: { pageIndex: page - 1, pageSize: filters.size },
    },
    enableRowSelection: (row) => row.original.mayManage && row.original.status === "booked",
    onRowSelectionChange: setSelection,
  });

  const selected = table.getSelectedRowModel().rows.map((r) => ({
    id: r.original.id,
    title: r.original.title,
  }));

  return (
    <div className="space-y-3" aria-busy={pending}>
      {selected.length > 0 ? (
        <div className="flex items-center gap-2">
          <Button variant="destructive" size="sm" onClick={() => setCancelling(selected)}>
            {t("list.actions.cancelSelected", { count: selected.length })}
          </Button>
        </div>
      ) : null}
      <div className="md:rounded-lg md:border md:bg-background" data-testid="meetings-table">
        <Table className="max-md:block">
          <TableHeader className="max-md:hidden">
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
                      {header.column.id in SORT_IDS ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 hover:underline"
                          onClick={() => sortBy(header.column.id as ColumnSort)}
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
          <TableBody className="max-md:block max-md:space-y-3 max-md:[&_tr:last-child]:border">
            {table.getRowModel().rows.map((row) => (
              <TableRow
                key={row.id}
                data-state={row.getIsSelected() ? "selected" : undefined}
                className="max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:gap-y-1.5 max-md:rounded-lg max-md:border max-md:bg-background max-md:p-3"
              >
                {row.getVisibleCells().map((cell) => (
                  <TableCell
                    key={cell.id}
                    className={cn(
                      "max-md:block max-md:p-0 max-md:whitespace-normal",
                      CARD_CELL[cell.column.id],
                    )}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <TablePager
        summary={t("list.pagination.summary", { total, page, pageCount })}
        summaryTestId="meetings-summary"
        labels={{
          pageSize: t("list.filters.pageSize"),
          previous: t("list.pagination.previous"),
          next: t("list.pagination.next"),
        }}
        size={filters.size}
        sizes={PAGE_SIZES}
        onSize={(size: MeetingFilters["size"]) => apply({ size })}
        page={page}
        pageCount={pageCount}
        onPage={(p) => apply({ page: p })}
      />
      {cancelUsed ? (
        <CancelDialog
          targets={cancelling}
          onClose={(done) => {
            setCancelling(null);
            if (done) setSelection({});
          }}
        />
      ) : null}
    </div>
  );
}
