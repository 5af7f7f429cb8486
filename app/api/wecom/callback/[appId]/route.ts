// WeCom's data callback of one app (meeting_change events): the URL an admin pastes into
// the WeCom console. Unauthenticated by design; every request proves itself by its
// signature (lib/callbacks/receive.ts).
import { callbackRoutes } from "@/lib/callbacks/route-handler";

export const dynamic = "force-dynamic";
export const { GET, POST } = callbackRoutes("data");
