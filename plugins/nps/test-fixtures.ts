// What the core tests (workspace isolation, bad input, permissions) need of the NPS plugin: a
// valid body for each write route with a path parameter, and a survey sent to a customer with
// consent, whose ids (and answer token) another workspace then probes.
import type { PluginTestFixtures } from "../../worker/plugin-api/testing";

export const fixtures: PluginTestFixtures = {
  validBodies: {
    "PATCH /api/plugins/nps/surveys/{surveyId}": { active: false },
    "POST /api/plugins/nps/surveys/{surveyId}/send": { segmentId: null },
  },
  async seed(owner, { customerId }) {
    await owner.patch(`/api/customers/${customerId}`, { consent: { sms: "granted" } });
    const surveyId = (await owner.post("/api/plugins/nps/surveys", { name: "Seeded survey" })).body.id;
    await owner.post(`/api/plugins/nps/surveys/${surveyId}/send`, {});
    const [send] = (await owner.get(`/api/plugins/nps/surveys/${surveyId}/sends?customerId=${customerId}`)).body.items;
    return { surveyId, customerId, score: "9", token: send.path.split("/").pop() };
  },
};
