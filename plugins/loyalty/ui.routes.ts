// The contract of the club's UI surfaces: each answers the blocks the web UI renders.
import { pluginRoute, problemResponses, UiSurface } from "../../worker/plugin-api";
import { CustomerIdParam } from "./api-schemas";
import { LOYALTY_PERMISSIONS as P } from "./permissions";

const tags = ["Loyalty club"];
const surface = { 200: { description: "The surface's blocks, in the caller's language.", content: { "application/json": { schema: UiSurface } } }, ...problemResponses };

export const customerPanelRoute = pluginRoute(P.read, {
  method: "get",
  path: "/ui/customers/{customerId}",
  tags,
  summary: "The customer page's loyalty panel",
  request: { params: CustomerIdParam },
  responses: surface,
});

export const pageRoute = pluginRoute(P.read, { method: "get", path: "/ui/page", tags, summary: "The loyalty club's page", responses: surface });

export const cardRoute = pluginRoute(P.read, { method: "get", path: "/ui/card", tags, summary: "The dashboard's loyalty card", responses: surface });
