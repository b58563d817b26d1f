import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../../../test/support/client";

describe("creating and reading customers", () => {
  it("stores a mobile typed in Persian digits and finds it by any other form", async () => {
    const { owner } = await signUp();
    const created = await owner.post("/api/customers", { firstName: "مریم", lastName: "كريمي", mobile: "۰۹۱۲ ۱۲۳ ۴۵۶۷", tags: ["vip"] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mobile: "+989121234567", cid: "+989121234567", code: "C-00001", displayName: "مریم كريمي" });
    for (const form of ["09121234567", "+98 912 123 4567", "00989121234567", "9121234567", "٠٩١٢١٢٣٤٥٦٧"]) {
      const found = await owner.get(`/api/customers/lookup?identifier=${encodeURIComponent(form)}`);
      expect(found.status, form).toBe(200);
      expect(found.body.id).toBe(created.body.id);
    }
  });

  it("issues readable, sequential customer codes", async () => {
    const { owner } = await signUp();
    const first = await owner.post("/api/customers", { firstName: "A", mobile: "09121111111" });
    const second = await owner.post("/api/customers", { firstName: "B", mobile: "09122222222" });
    expect([first.body.code, second.body.code]).toEqual(["C-00001", "C-00002"]);
    expect((await owner.get("/api/customers/lookup?identifier=c2")).body.id).toBe(second.body.id);
  });

  it("requires the workspace's CID kind and says so on the field", async () => {
    const { owner } = await signUp();
    const response = await owner.post("/api/customers", { firstName: "No mobile" });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: "body.mobile", code: "cid_required" })]);
  });

  it("rejects an invalid mobile and national code with localized field errors", async () => {
    const { owner } = await signUp();
    const response = await owner.withLanguage("fa").post("/api/customers", { mobile: "0212345678", nationalCode: "1111111111" });
    expect(response.status).toBe(400);
    const byPath = Object.fromEntries(response.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath["body.mobile"]).toContain("موبایل");
    expect(byPath["body.nationalCode"]).toBe("کد ملی نامعتبر است.");
  });

  it("refuses a second customer with the same mobile in another form with 409", async () => {
    const { owner } = await signUp();
    await owner.post("/api/customers", { mobile: "09121234567" });
    const again = await owner.post("/api/customers", { mobile: "+98 912-123-4567" });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ path: "body.mobile", code: "identifier_taken" });
  });

  it("masks PII for an agent and reveals it, audited, for the owner", async () => {
    const { owner, workspaceId } = await signUp();
    const created = await owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567", email: "Sara.Ahmadi@Example.com", address: "Tehran, Valiasr St. 12" });
    const agent = await addMember(workspaceId, "agent");
    const seen = await agent.get(`/api/customers/${created.body.id}`);
    expect(seen.body).toMatchObject({ mobile: "0912*****67", email: "s***i@example.com", piiMasked: true });
    expect(seen.body.address).not.toContain("Valiasr");
    expect((await agent.get(`/api/customers/${created.body.id}?reveal=pii`)).status).toBe(403);
    const revealed = await owner.get(`/api/customers/${created.body.id}?reveal=pii`);
    expect(revealed.body).toMatchObject({ mobile: "+989121234567", email: "sara.ahmadi@example.com", piiMasked: false });
    const audit = await env.DB.prepare("select action, customer_id, actor_user_id from audit_log where action = 'customer.pii_revealed'").all();
    expect(audit.results).toEqual([{ action: "customer.pii_revealed", customer_id: created.body.id, actor_user_id: owner.identity.userId }]);
  });

  it("writes the customer.created event in the same batch", async () => {
    const { owner } = await signUp();
    const created = await owner.post("/api/customers", { mobile: "09121234567" });
    const events = await env.DB.prepare("select payload from events where name = 'customer.created' and workspace_id = ?")
      .bind(created.body.id && owner.identity.workspaceId)
      .all<{ payload: string }>();
    expect(events.results.map((e) => JSON.parse(e.payload))).toEqual([{ customerId: created.body.id, cid: "+989121234567", code: "C-00001" }]);
  });

  it("lists customers newest first, one cursor page at a time", async () => {
    const { owner } = await signUp();
    for (let i = 1; i <= 5; i++) await owner.post("/api/customers", { firstName: `C${i}`, mobile: `0912000000${i}` });
    const first = await owner.get("/api/customers?limit=2");
    expect(first.body.items.map((c: { firstName: string }) => c.firstName)).toEqual(["C5", "C4"]);
    const second = await owner.get(`/api/customers?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((c: { firstName: string }) => c.firstName)).toEqual(["C3", "C2"]);
    const last = await owner.get(`/api/customers?limit=2&cursor=${second.body.nextCursor}`);
    expect(last.body.items.map((c: { firstName: string }) => c.firstName)).toEqual(["C1"]);
    expect(last.body.nextCursor).toBeNull();
  });

  it("serves a full page of 200 customers with their identifiers", async () => {
    const { owner } = await signUp();
    const created = await Promise.all(
      Array.from({ length: 150 }, (_, i) => owner.post("/api/customers", { firstName: `P${i}`, mobile: `0913${String(i).padStart(7, "0")}`, email: `p${i}@example.com` })),
    );
    expect(created.every((response) => response.status === 201)).toBe(true);
    const page = await owner.get("/api/customers?limit=200");
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(150);
    expect(page.body.items.every((c: { identifiers: unknown[] }) => c.identifiers.length === 3)).toBe(true);
  });

  it("reveals the mobile for one call, audits that use alone, and refuses staff without customers.pii:read", async () => {
    const { owner, workspaceId } = await signUp();
    const created = (await owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567", email: "sara@example.com" })).body;
    const audits = async () =>
      (await env.DB.prepare("select details from audit_log where workspace_id = ? and action = 'customer.pii_revealed' and entity_id = ?").bind(workspaceId, created.id).all<{ details: string }>()).results.map(
        (row) => JSON.parse(row.details),
      );
    const call = await owner.post(`/api/customers/${created.id}/contact`, { channel: "call" });
    expect(call.status).toBe(200);
    expect(call.body).toEqual({ channel: "call", value: "09121234567", href: "tel:+989121234567" });
    expect(await audits()).toEqual([{ for: "call" }]);
    const links = Object.fromEntries(
      await Promise.all((["whatsapp", "telegram", "sms", "email"] as const).map(async (channel) => [channel, (await owner.post(`/api/customers/${created.id}/contact`, { channel })).body.href])),
    );
    expect(links).toEqual({ whatsapp: "https://wa.me/989121234567", telegram: "https://t.me/+989121234567", sms: "sms:+989121234567", email: "mailto:sara@example.com" });
    expect(await audits()).toHaveLength(5);
    // The customer as read afterwards is still masked: the reveal was for that action only.
    expect((await owner.get(`/api/customers/${created.id}`)).body.mobile).not.toContain("1234567");

    const viewer = await addMember(workspaceId, "viewer");
    expect((await viewer.post(`/api/customers/${created.id}/contact`, { channel: "call" })).status).toBe(403);
    expect((await owner.post(`/api/customers/${created.id}/contact`, { channel: "fax" })).status).toBe(400);
    const noMobile = (await owner.post("/api/customers", { firstName: "Ali", email: "ali@example.com" })).body;
    expect((await owner.post(`/api/customers/${noMobile.id}/contact`, { channel: "call" })).status).toBe(404);
    expect(await audits()).toHaveLength(5);
  });
});

describe("the postal code", () => {
  it("takes ten digits in Persian or Arabic digits with a dash or space after the fifth, and stores ten Latin digits", async () => {
    const { owner } = await signUp();
    for (const [i, typed] of ["۱۴۱۵۸-۹۳۹۱۴", "١٤١٥٨ ٩٣٩١٤", "1415893914"].entries()) {
      const created = await owner.post("/api/customers", { mobile: `0912000000${i}`, postalCode: typed });
      expect(created.status, typed).toBe(201);
      const stored = await env.DB.prepare("select postal_code from customers where id = ?").bind(created.body.id).first<{ postal_code: string }>();
      expect(stored!.postal_code, typed).toBe("1415893914");
    }
  });

  it("refuses one that is not ten digits with a problem naming the field, in Persian and English, and stores nothing", async () => {
    const { owner, workspaceId } = await signUp();
    for (const [language, word] of [["fa", "کد پستی"], ["en", "postal code"]] as const) {
      const response = await owner.withLanguage(language).post("/api/customers", { mobile: "09121234567", postalCode: "14158-9391" });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(response.body.errors).toEqual([expect.objectContaining({ path: "body.postalCode" })]);
      expect(response.body.errors[0].message).toContain(word);
    }
    const customer = await owner.post("/api/customers", { mobile: "09121234567" });
    const update = await owner.patch(`/api/customers/${customer.body.id}`, { postalCode: "1415-893914" });
    expect(update.status).toBe(400);
    expect(update.body.errors[0].path).toBe("body.postalCode");
    expect((await env.DB.prepare("select count(*) as n from customers where workspace_id = ? and postal_code is not null").bind(workspaceId).first())!.n).toBe(0);
  });

  it("is changed and cleared by an update, and masked for an agent", async () => {
    const { owner, workspaceId } = await signUp();
    const created = await owner.post("/api/customers", { mobile: "09121234567" });
    expect((await owner.patch(`/api/customers/${created.body.id}`, { postalCode: "۱۴۱۵۸۹۳۹۱۴" })).status).toBe(200);
    expect((await owner.get(`/api/customers/${created.body.id}?reveal=pii`)).body.postalCode).toBe("1415893914");
    const agent = await addMember(workspaceId, "agent");
    const seen = (await agent.get(`/api/customers/${created.body.id}`)).body.postalCode;
    expect(seen).toBe("14********");
    expect((await owner.patch(`/api/customers/${created.body.id}`, { postalCode: null })).status).toBe(200);
    expect((await owner.get(`/api/customers/${created.body.id}?reveal=pii`)).body.postalCode).toBeNull();
  });

  it("is a column of the CSV export next to the city, masked without customers.pii:read", async () => {
    const { owner, workspaceId } = await signUp();
    await owner.post("/api/customers", { mobile: "09121234567", city: "تهران", postalCode: "1415893914" });
    const full = await owner.get("/api/export/customers.csv");
    const [header, row] = full.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    const columns = header!.split(",");
    expect(columns.indexOf("postal_code")).toBe(columns.indexOf("city") + 1);
    expect(row!.split(",")[columns.indexOf("postal_code")]).toBe("1415893914");
    const role = await owner.post("/api/roles", { key: "exporter", name: "Exporter", permissions: ["customers:read", "customers:export"] });
    expect(role.status).toBe(201);
    const exporter = await addMember(workspaceId, "exporter");
    const masked = await exporter.get("/api/export/customers.csv");
    expect(masked.status).toBe(200);
    const [, maskedRow] = masked.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(maskedRow!.split(",")[columns.indexOf("postal_code")]).toBe("14********");
  });
});
