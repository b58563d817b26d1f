// Handlers for the settings contract.
import { auditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import { openDirectory } from "../data/database";
import { Problem } from "../http/problem";
import { actorOf } from "../auth/auth.middleware";
import { devOutboxOpen } from "../messaging/dev-outbox";
import { findProvider } from "../messaging/providers.repository";
import { actorRoleKey } from "../roles/role-policy";
import { createRouter } from "../http/router";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { customersLacking } from "./cid-change";
import { changedSettings, presentSettings, saveSettings } from "./settings.repository";
import { getSettingsRoute, updateSettingsRoute } from "./settings.routes";

export const settingsRouter = createRouter()
  .openapi(getSettingsRoute, async (c) => {
    return c.json(presentSettings(await getWorkspaceSettings(c.env, c.get("scope").workspaceId)), 200);
  })
  .openapi(updateSettingsRoute, async (c) => {
    const input = c.req.valid("json");
    const scope = c.get("scope");
    const current = await getWorkspaceSettings(c.env, scope.workspaceId);
    const changes = changedSettings(current, input, c.get("locale"));
    // Sending the values already set changes nothing and records nothing.
    if (Object.keys(changes).length === 0) return c.json(presentSettings(current), 200);
    if (changes.cidKind && changes.cidKind !== "issued") {
      const lacking = await customersLacking(scope, changes.cidKind);
      if (lacking.total > 0) {
        throw new Problem(409, "cid_change_blocked", {
          errors: [{ path: "body.cidKind", code: "cid_change_blocked" }],
          extensions: { lacking },
        });
      }
    }
    if (changes.smsSignIn !== undefined) {
      // Who can sign in, and how, is the owner's to decide (like the owner role itself).
      const actor = actorOf(c);
      if ((await actorRoleKey(openDirectory(c.env), actor)) !== "owner") throw new Problem(403, "sms_sign_in_owner_only");
      if (changes.smsSignIn && (await findProvider(scope, "sms")).kind === "outbox" && !devOutboxOpen(c.env, c.req.url)) {
        throw new Problem(409, "sms_sign_in_needs_provider", { errors: [{ path: "body.smsSignIn", code: "sms_sign_in_needs_provider" }] });
      }
    }
    const time = now();
    await saveSettings(openDirectory(c.env), scope, current, changes, auditOrigin(c), time);
    return c.json(presentSettings(await getWorkspaceSettings(c.env, scope.workspaceId)), 200);
  });
