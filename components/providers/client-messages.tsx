import type { ReactNode } from "react";
import {
  NextIntlClientProvider,
  type Messages,
  type NamespaceKeys,
  type NestedKeyOf,
} from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/pick-messages";

export type ClientNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * Gives the client components below it the message namespaces they read, and no others:
 * every message passed here is serialised into the page. Server components translate on
 * the server and need none. A provider replaces the messages of the one above it, so a
 * namespace a client island reads must be listed by the nearest ClientMessages above it.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly ClientNamespace[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
