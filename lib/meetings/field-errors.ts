import type { z } from "zod";
import { BOOKING_FIELDS } from "@/lib/schemas/booking";
import type { BookingField } from "./types";

/** The first zod issue of each booking field (the form shows one message per field). */
export function fieldErrorsOf(error: z.ZodError): {
  fieldErrors: Partial<Record<BookingField, string>>;
  formError?: string;
} {
  const fieldErrors: Partial<Record<BookingField, string>> = {};
  let formError: string | undefined;
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (BOOKING_FIELDS as string[]).includes(field))
      fieldErrors[field as BookingField] ??= issue.message;
    else formError ??= issue.message;
  }
  return { fieldErrors, formError };
}
