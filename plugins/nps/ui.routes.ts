// The contract of the plugin's UI surfaces: each answers the blocks the web UI renders.
import { pluginRoute, problemResponses, UiSurface } from "../../worker/plugin-api";
import { CustomerIdParam } from "./api-schemas";
import { NPS_PERMISSIONS as P } from "./permissions";

const tags = ["NPS surveys"];
const surface = { 200: { description: "The surface's blocks, in the caller's language.", content: { "application/json": { schema: UiSurface } } }, ...problemResponses };

export const customerPanelRoute = pluginRoute(P.read, { method: "get", path: "/ui/customers/{customerId}", tags, summary: "The customer page's NPS panel", request: { params: CustomerIdParam }, responses: surface });
export const pageRoute = pluginRoute(P.read, { method: "get", path: "/ui/page", tags, summary: "The NPS page: results, comments, testimonials, surveys", responses: surface });
export const cardRoute = pluginRoute(P.read, { method: "get", path: "/ui/card", tags, summary: "The dashboard's NPS card", responses: surface });
