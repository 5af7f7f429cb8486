import * as React from "react";
import { Slot } from "radix-ui";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils/cn";

type FormFieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  /** id given to the control; the description and message ids derive from it. */
  id: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  /** Validation message; when set the control gets aria-invalid. */
  error?: React.ReactNode;
  /** Exactly one control element (Input, Textarea, SelectTrigger, ...). */
  children: React.ReactElement;
};

/**
 * Label + control + description + message. The control receives `id`,
 * `aria-describedby` and `aria-invalid` through Slot. The message is a polite
 * live region (`${id}-error`, data-slot="form-message"), deliberately not role="alert".
 */
function FormField({
  id,
  label,
  description,
  error,
  children,
  className,
  ...props
}: FormFieldProps) {
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const describedBy = [description ? descriptionId : null, hasError ? errorId : null]
    .filter(Boolean)
    .join(" ");

  return (
    <div
      data-slot="form-item"
      data-invalid={hasError || undefined}
      className={cn("grid gap-2", className)}
      {...props}
    >
      <Label
        htmlFor={id}
        data-slot="form-label"
        data-error={hasError}
        className="data-[error=true]:text-destructive"
      >
        {label}
      </Label>
      <Slot.Root
        id={id}
        aria-describedby={describedBy || undefined}
        aria-invalid={hasError || undefined}
      >
        {children}
      </Slot.Root>
      {description ? (
        <p
          id={descriptionId}
          data-slot="form-description"
          className="text-sm text-muted-foreground"
        >
          {description}
        </p>
      ) : null}
      <p
        id={errorId}
        data-slot="form-message"
        aria-live="polite"
        className="text-sm text-destructive empty:sr-only"
      >
        {hasError ? error : null}
      </p>
    </div>
  );
}

export { FormField };
export type { FormFieldProps };
