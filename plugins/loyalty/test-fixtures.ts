// What the core tests (workspace isolation, bad input, permissions) need of the loyalty club: a
// valid body for each write route with a path parameter, and a member, a reward, a coupon and a
// raffle made in a workspace, whose ids another workspace then probes.
import type { PluginTestFixtures } from "../../worker/plugin-api/testing";

export const fixtures: PluginTestFixtures = {
  validBodies: {
    "POST /api/plugins/loyalty/members/{customerId}/adjust": { points: 10, reason: "planted" },
    "POST /api/plugins/loyalty/members/{customerId}/redeem": { rewardId: "lrw_planted" },
    "POST /api/plugins/loyalty/members/{customerId}/referrer": { code: "ABCD-EFGH" },
    "PATCH /api/plugins/loyalty/rewards/{rewardId}": { active: false },
  },
  async seed(owner, { customerId }) {
    await owner.post(`/api/plugins/loyalty/members/${customerId}/adjust`, { points: 100, reason: "seeded points" });
    const rewardId = (await owner.post("/api/plugins/loyalty/rewards", { name: "Seeded reward", cost: 10 })).body.id;
    const code = (await owner.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId })).body.code;
    const raffleId = (await owner.post("/api/plugins/loyalty/raffles", { name: "Seeded raffle", winners: 1, notify: false })).body.id;
    const token = (await owner.post(`/api/plugins/loyalty/members/${customerId}/balance-link`)).body.token;
    return { customerId, rewardId, code, raffleId, token };
  },
};
