"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";

// Only a few islands query from the browser (the people picker, a batch's progress):
// each wraps itself in this provider, so that TanStack Query (about 10 kB gzip) loads
// with them and not with every signed-in page (docs/decisions/005). They share one
// client per browser session, as TanStack's Next.js guide does (getQueryClient).
let browserClient: QueryClient | undefined;
function queryClient() {
  // Server-rendered data stays fresh for a minute.
  const make = () => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
  // On the server, a client per render: a shared one would carry one request's data to another.
  if (typeof window === "undefined") return make();
  return (browserClient ??= make());
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient()}>{children}</QueryClientProvider>;
}
