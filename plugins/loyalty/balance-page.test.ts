// A member's own balance page: a link staff make, opened without an account, in the visitor's
// language; remaking the link or erasing the customer stops the old one.
import { describe, expect, it } from "vitest";
import { anonymous } from "../../test/support/client";
import { clubBed, newCustomer } from "./loyalty.test-support";

describe("the member's balance page", () => {
  it("shows the member's points and tier without an account, in Persian for a Persian visitor", async () => {
    const bed = await clubBed();
    const customer = await newCustomer(bed, { firstName: "Sara" });
    await bed.owner.post(`/api/plugins/loyalty/members/${customer}/adjust`, { points: 1250, reason: "welcome" });
    const link = await bed.owner.post(`/api/plugins/loyalty/members/${customer}/balance-link`);
    expect(link.status).toBe(201);
    expect(link.body.path).toBe(`/p/loyalty/${bed.workspaceId}/balance/${link.body.token}`);
    const page = await anonymous(bed.worker).withLanguage("fa").get(link.body.path);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain('dir="rtl"');
    expect(page.text).toContain("۱٬۲۵۰ امتیاز");
    expect(page.text).toContain("Sara عزیز");
    expect(page.text).not.toContain("0912");
  });

  it("stops the old link when a new one is made, and when the customer is erased", async () => {
    const bed = await clubBed();
    const customer = await newCustomer(bed);
    const first = (await bed.owner.post(`/api/plugins/loyalty/members/${customer}/balance-link`)).body.path;
    const second = (await bed.owner.post(`/api/plugins/loyalty/members/${customer}/balance-link`)).body.path;
    const visitor = anonymous(bed.worker);
    expect((await visitor.get(first)).status).toBe(404);
    expect((await visitor.get(second)).status).toBe(200);
    expect((await bed.owner.delete(`/api/customers/${customer}`)).status).toBe(204);
    await bed.drain();
    expect((await visitor.get(second)).status).toBe(404);
  });

  it("answers 404 where the club is off, and needs loyalty:adjust to make a link", async () => {
    const bed = await clubBed();
    const customer = await newCustomer(bed);
    const path = (await bed.owner.post(`/api/plugins/loyalty/members/${customer}/balance-link`)).body.path;
    const viewer = await bed.member("viewer");
    expect((await viewer.post(`/api/plugins/loyalty/members/${customer}/balance-link`)).status).toBe(403);
    await bed.owner.patch("/api/plugins/loyalty", { enabled: false });
    expect((await anonymous(bed.worker).get(path)).status).toBe(404);
  });
});
