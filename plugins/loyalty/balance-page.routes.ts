// The contract of a member's own balance page: staff make (or remake) the link, and the member
// opens it without an account (a public page at /p/loyalty/{workspaceId}/balance/{token}).
import { z } from "@hono/zod-openapi";
import { pluginPublicRoute, pluginRoute, problemResponses } from "../../worker/plugin-api";
import { CustomerIdParam } from "./api-schemas";
import { LOYALTY_PERMISSIONS as P } from "./permissions";

const tags = ["Loyalty club"];

export const makeBalanceLinkRoute = pluginRoute(P.adjust, {
  method: "post",
  path: "/members/{customerId}/balance-link",
  tags,
  summary: "Makes a new link to the member's own balance page (an earlier link stops working)",
  request: { params: CustomerIdParam },
  responses: {
    201: { description: "The link's path (under the Worker's origin).", content: { "application/json": { schema: z.object({ path: z.string(), token: z.string() }) } } },
    ...problemResponses,
  },
});

const TokenParam = z.object({ token: z.string().min(10).max(64).openapi({ param: { name: "token", in: "path" } }) });

export const balancePageRoute = pluginPublicRoute({
  method: "get",
  path: "/balance/{token}",
  tags,
  summary: "A member's balance and tier, for the member (no account; the link's token is the key)",
  request: { params: TokenParam },
  responses: { 200: { description: "A small page in the visitor's language.", content: { "text/html": { schema: z.string() } } }, 404: problemResponses[404], 429: { description: "Too many requests." } },
});
