// The route of a request as a metric label and log field: the path with its ids folded,
// so that a label set stays small whatever the URLs (never an id or a tenant as a label).
const ID_SEGMENT = /^(?:[0-9]+|c[a-z0-9]{20,}|[0-9a-f-]{32,36}|wecom:[^/]+|[A-Za-z0-9_-]{24,})$/;

function safeDecode(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

export function routeLabel(path: string, status: number): string {
  const bare = path.split("?")[0] ?? "/";
  if (bare.startsWith("/_next/")) return "/_next";
  // Unknown paths are whatever a scanner tries: one label for all of them.
  if (status === 404) return "unmatched";
  const folded = bare
    .split("/")
    .map((seg) => (ID_SEGMENT.test(safeDecode(seg)) ? ":id" : seg))
    .join("/");
  return folded.length > 80 ? `${folded.slice(0, 80)}…` : folded;
}
