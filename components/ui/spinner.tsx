import * as React from "react";
import { Loader2Icon } from "lucide-react";

import { cn } from "@/lib/utils/cn";

type SpinnerProps = Omit<React.ComponentProps<"span">, "role" | "children"> & {
  /** Accessible name announced by screen readers; pass a translated string. */
  "aria-label": string;
};

function Spinner({ className, ...props }: SpinnerProps) {
  return (
    <span
      data-slot="spinner"
      role="status"
      className={cn("inline-flex size-4 shrink-0 items-center justify-center", className)}
      {...props}
    >
      <Loader2Icon aria-hidden="true" className="size-full animate-spin" />
    </span>
  );
}

export { Spinner };
export type { SpinnerProps };
