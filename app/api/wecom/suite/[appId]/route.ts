// A third-party suite's instruction callback (suite_ticket, create_auth, change_auth,
// cancel_auth) for one app row: the receiver id is the app's suite id. Unauthenticated
// by design; every request proves itself by its signature (lib/callbacks/receive.ts).
import { callbackRoutes } from "@/lib/callbacks/route-handler";

export const dynamic = "force-dynamic";
export const { GET, POST } = callbackRoutes("suite");
