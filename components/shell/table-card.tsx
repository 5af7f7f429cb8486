import type { ReactNode } from "react";
import { Table } from "@/components/ui/table";

/** A list page's table on a bordered card. */
export function TableCard({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border bg-background" data-testid={testId}>
      <Table>{children}</Table>
    </div>
  );
}
