// What the core tests (workspace isolation, bad input, permissions) need of the automation plugin:
// a valid body for each write route with a path parameter, and a campaign and a published flow
// made in a workspace, whose ids another workspace then probes.
import type { PluginTestFixtures } from "../../worker/plugin-api/testing";

export const fixtures: PluginTestFixtures = {
  validBodies: {
    "POST /api/plugins/automation/campaigns/{campaignId}/send": {},
    "POST /api/plugins/automation/campaigns/{campaignId}/pause": {},
    "POST /api/plugins/automation/campaigns/{campaignId}/resume": {},
    "POST /api/plugins/automation/campaigns/{campaignId}/cancel": {},
    "PATCH /api/plugins/automation/flows/{flowId}": { name: "Renamed" },
    "POST /api/plugins/automation/flows/{flowId}/publish": {},
    "POST /api/plugins/automation/flows/{flowId}/pause": {},
    "POST /api/plugins/automation/flows/{flowId}/resume": {},
    "POST /api/plugins/automation/flows/{flowId}/dry-run": { sample: 1 },
    "POST /api/plugins/automation/ui/flows/{flowId}/dry-run": { customer: "Sara" },
  },
  async seed(owner) {
    const campaign = await owner.post("/api/plugins/automation/campaigns", { name: "Seeded campaign", filter: {}, channel: "sms", body: { en: "Hello {firstName}", fa: "سلام {firstName}" } });
    const flow = await owner.post("/api/plugins/automation/flows/from-template", { template: "welcome" });
    await owner.post(`/api/plugins/automation/flows/${flow.body.id}/publish`, {});
    return { campaignId: campaign.body.id, flowId: flow.body.id };
  },
};
