"use client";

import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * A form's zod resolver that loads its schema (and zod with it) when the form first
 * validates, not with the page: zod is about 30 kB gzip of a page's first load
 * (docs/decisions/005). The schema is the action's own, imported from lib/schemas by
 * `load`, so the browser and the server keep one rule. Create it once per form.
 */
export function lazyZodResolver<Input extends FieldValues, Values>(
  load: () => Promise<z.ZodType<Values, Input>>,
): Resolver<Input, unknown, Values> {
  let resolver: Promise<Resolver<Input, unknown, Values>> | null = null;
  return async (values, context, options) => {
    resolver ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema) as Resolver<Input, unknown, Values>,
    );
    return (await resolver)(values, context, options);
  };
}
