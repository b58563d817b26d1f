// Referrals: a newcomer names a member's code (when created, or later by staff); both are rewarded
// on the newcomer's first paid order, once.
import { describe, expect, it } from "vitest";
import { countRows } from "../../worker/plugin-api/testing";
import { balanceOf, clubBed, ledgerOf, memberOf, newCustomer, nextMobile, paidOrder } from "./loyalty.test-support";

const RULES = { signupBonus: 0, firstOrderBonus: 0, amountPerPoint: 1_000_000, referrerReward: 200, newcomerReward: 100 };

describe("referrals", () => {
  it("links a newcomer who names a code, and rewards both once on the first paid order", async () => {
    const bed = await clubBed(RULES);
    const referrer = await newCustomer(bed);
    await bed.drain();
    const code: string = (await memberOf(bed, referrer)).referralCode;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    // Typed as people type: lower case, no dash.
    const created = await bed.owner.post("/api/customers", { firstName: "Reza", mobile: nextMobile(), attributes: { referralCode: code.toLowerCase().replace("-", "") } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.attributes.referralCode).toBe(code);
    const newcomer = created.body.id;
    await bed.drain();
    expect((await memberOf(bed, newcomer)).referredBy).toBe(referrer);

    const orderId = await paidOrder(bed, newcomer, 500_000);
    await bed.drain();
    await bed.drain();
    await bed.emit("order.paid", { customerId: newcomer, orderId, total: 500_000, currency: "IRT" });
    await paidOrder(bed, newcomer, 500_000);
    await bed.drain();
    expect(await balanceOf(bed, referrer)).toBe(200);
    expect(await balanceOf(bed, newcomer)).toBe(100);
    expect((await ledgerOf(bed, referrer)).map((entry) => entry.rule)).toEqual(["referrer"]);
    expect(await countRows("loyalty_ledger", "workspace_id = ? and rule in ('referrer', 'newcomer')", bed.workspaceId)).toBe(2);
  });

  it("refuses a customer naming an unknown code, and creates nothing", async () => {
    const bed = await clubBed(RULES);
    const before = await countRows("customers", "workspace_id = ?", bed.workspaceId);
    const refused = await bed.owner.withLanguage("fa").post("/api/customers", { firstName: "Ali", mobile: nextMobile(), attributes: { referralCode: "ZZZZ-ZZZZ" } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "rejected_by_plugin", plugin: "loyalty" });
    expect(refused.body.errors[0]).toMatchObject({ path: "body.attributes.referralCode" });
    expect(refused.body.errors[0].message).toContain("کد معرف");
    expect(await countRows("customers", "workspace_id = ?", bed.workspaceId)).toBe(before);
  });

  it("lets staff link a customer who has not bought yet, and refuses the others", async () => {
    const bed = await clubBed(RULES);
    const referrer = await newCustomer(bed);
    const fresh = await newCustomer(bed);
    const buyer = await newCustomer(bed);
    await paidOrder(bed, buyer, 1_000);
    await bed.drain();
    const code: string = (await memberOf(bed, referrer)).referralCode;
    const own = await bed.owner.post(`/api/plugins/loyalty/members/${referrer}/referrer`, { code });
    expect(own.status).toBe(409);
    expect(own.body.reason).toBe("self_referral");
    expect((await bed.owner.post(`/api/plugins/loyalty/members/${buyer}/referrer`, { code })).body.reason).toBe("already_bought");
    expect((await bed.owner.post(`/api/plugins/loyalty/members/${fresh}/referrer`, { code: "0000-0000" })).status).toBe(422);
    const linked = await bed.owner.post(`/api/plugins/loyalty/members/${fresh}/referrer`, { code });
    expect(linked.status, linked.text).toBe(200);
    expect(linked.body.referredBy).toBe(referrer);
    expect((await bed.owner.post(`/api/plugins/loyalty/members/${fresh}/referrer`, { code })).body.reason).toBe("already_referred");
    await paidOrder(bed, fresh, 1_000);
    await bed.drain();
    expect(await balanceOf(bed, referrer)).toBe(200);
    expect(await balanceOf(bed, fresh)).toBe(100);
  });
});
