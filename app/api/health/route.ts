// Liveness: the process answers. Touches no dependency, so a database outage never makes
// an orchestrator restart every instance at once (readiness, /api/ready, takes them out).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
