// Handler for the merge contract.
import { auditOrigin } from "../audit/audit";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { presentRevealed } from "./customer-reads";
import { mergeCustomers } from "./merge-customers";
import { mergeCustomersRoute } from "./merge-customers.routes";
import { wantsReveal } from "./reveal";

export const mergeCustomersRouter = createRouter().openapi(mergeCustomersRoute, async (c) => {
  const request = c.req.valid("json");
  const revealPii = wantsReveal(c, c.req.valid("query").reveal);
  const { timeZone } = await getWorkspaceSettings(c.env, c.get("scope").workspaceId);
  await mergeCustomers(c.get("scope"), auditOrigin(c), request, timeZone);
  // The survivor now carries the merged customer's identifiers too: masked unless an audited reveal, as on GET.
  return c.json(await presentRevealed(c, request.survivorId, revealPii), 200);
});
