// The first-run checklist's handler: the steps in the order a new owner takes them.
import { createRouter } from "../http/router";
import { setupFacts } from "./onboarding.repository";
import { setupChecklistRoute } from "./onboarding.routes";

export const onboardingRouter = createRouter().openapi(setupChecklistRoute, async (c) => {
  const facts = await setupFacts(c.env, c.get("scope"));
  const steps = [
    { key: "connect-shop" as const, done: facts.shopConnected, href: "/settings/connections", permission: "connections:manage" },
    { key: "import-data" as const, done: facts.dataImported, href: "/import", permission: "import:run" },
    { key: "invite-staff" as const, done: facts.staffInvited, href: "/settings/users", permission: "users:manage" },
    { key: "sms-provider" as const, done: facts.smsProviderSet, href: "/settings/messaging", permission: "settings:manage" },
    { key: "choose-plugins" as const, done: facts.pluginsChosen, href: "/settings/plugins", permission: "plugins:manage" },
  ];
  return c.json({ steps, complete: steps.every((step) => step.done) }, 200);
});
