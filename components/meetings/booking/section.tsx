import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5 md:grid-cols-2">{children}</CardContent>
    </Card>
  );
}

/** A labelled control that is not a single element (a picker, a group of boxes). */
export function Labelled({
  id,
  label,
  hint,
  error,
  children,
  wide,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div
      className={wide ? "grid gap-2 md:col-span-2" : "grid gap-2"}
      data-invalid={error ? true : undefined}
    >
      <label
        htmlFor={id}
        id={`${id}-label`}
        className="text-sm leading-none font-medium data-[error=true]:text-destructive"
        data-error={Boolean(error)}
      >
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-description`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-destructive empty:sr-only">
        {error}
      </p>
    </div>
  );
}
