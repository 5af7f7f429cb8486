import type { AbstractIntlMessages } from "next-intl";

/**
 * The part of `messages` under the given namespaces ("header", "settings.apps.check"),
 * nested as in the full tree, so that `useTranslations("settings.apps.check")` finds it.
 * A namespace that names nothing is left out (the component then reports a missing
 * message, as it would with the full tree).
 */
export function pickMessages(
  messages: AbstractIntlMessages,
  namespaces: readonly string[],
): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let from: AbstractIntlMessages | string | undefined = messages;
    for (const key of path) from = typeof from === "object" ? from[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of path.slice(0, -1)) {
      const next = into[key];
      into = into[key] = typeof next === "object" ? next : {};
    }
    // A copy: a later, nested namespace is merged into it, never into `messages`.
    into[path.at(-1)!] = structuredClone(from);
  }
  return picked;
}
