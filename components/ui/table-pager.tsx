"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";

/** The footer of a server-paginated table: its summary, a page-size select, previous/next.
 * Labels come translated from the caller. */
export function TablePager<Size extends number>({
  summary,
  summaryTestId,
  labels,
  size,
  sizes,
  onSize,
  page,
  pageCount,
  onPage,
}: {
  summary: ReactNode;
  summaryTestId?: string;
  labels: { pageSize: string; previous: string; next: string };
  size: Size;
  sizes: readonly Size[];
  onSize: (size: Size) => void;
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}) {
  return (
    <nav className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <span className="text-muted-foreground" data-testid={summaryTestId}>
        {summary}
      </span>
      <span className="flex items-center gap-2">
        <label className="flex items-center gap-2">
          <span className="text-muted-foreground">{labels.pageSize}</span>
          <NativeSelect
            className="w-20"
            value={size}
            onChange={(e) => onSize(Number(e.target.value) as Size)}
          >
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </NativeSelect>
        </label>
        <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {labels.previous}
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={page >= pageCount}
          onClick={() => onPage(page + 1)}
        >
          {labels.next}
        </Button>
      </span>
    </nav>
  );
}
