import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";

describe("workspace settings", () => {
  it("shows the defaults to any staff member", async () => {
    const { workspaceId } = await signUp({ workspaceName: "Golrang" });
    const viewer = await addMember(workspaceId, "viewer");
    const settings = await viewer.get("/api/settings");
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({
      name: "Golrang",
      cidKind: "mobile",
      lapsedDays: 180,
      timeZone: "Asia/Tehran",
      currency: "IRT",
      weekStart: "saturday",
      currencyExponent: 0,
    });
  });

  it("changes every setting, reads them back and audits before and after", async () => {
    const { owner, workspaceId } = await signUp({ workspaceName: "Golrang" });
    const changed = await owner.patch("/api/settings", {
      name: "  Golrang Shop ",
      lapsedDays: 90,
      locale: "fa",
      timeZone: "europe/berlin",
      currency: "usd",
      weekStart: "monday",
    });
    expect(changed.status).toBe(200);
    const expected = { name: "Golrang Shop", lapsedDays: 90, locale: "fa", timeZone: "Europe/Berlin", currency: "USD", weekStart: "monday", currencyExponent: 2, cidKind: "mobile" };
    expect(changed.body).toMatchObject(expected);
    expect((await owner.get("/api/settings")).body).toMatchObject(expected);
    // Every reader's dashboard weeks follow it.
    expect((await owner.get("/api/auth/me")).body.workspace.weekStart).toBe("monday");

    const audit = await env.DB.prepare("select actor_user_id, details from audit_log where workspace_id = ? and action = 'settings.updated'")
      .bind(workspaceId)
      .all<{ actor_user_id: string; details: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]!.actor_user_id).toBe(owner.identity.userId);
    expect(JSON.parse(audit.results[0]!.details)).toEqual({
      before: { name: "Golrang", lapsedDays: 180, locale: "en", timeZone: "Asia/Tehran", currency: "IRT", weekStart: "saturday" },
      after: { name: "Golrang Shop", lapsedDays: 90, locale: "fa", timeZone: "Europe/Berlin", currency: "USD", weekStart: "monday" },
    });
  });

  it("knows each currency's minor unit", async () => {
    const { owner } = await signUp();
    for (const [currency, exponent] of [["IRR", 0], ["JPY", 0], ["EUR", 2], ["KWD", 3], ["IRT", 0]] as const) {
      expect((await owner.patch("/api/settings", { currency })).body, currency).toMatchObject({ currency, currencyExponent: exponent });
    }
  });

  it("writes nothing when the values sent are the ones already set", async () => {
    const { owner } = await signUp({ workspaceName: "Same" });
    const before = await databaseFingerprint();
    const response = await owner.patch("/api/settings", { name: "Same", currency: "IRT", timeZone: "Asia/Tehran" });
    expect(response.status).toBe(200);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses bad values with each field named in English and Persian, and changes nothing", async () => {
    const { owner } = await signUp();
    const before = await databaseFingerprint();
    const bad = { timeZone: "Mars/Olympus", currency: "XYZ1", lapsedDays: 0 };
    const english = await owner.withLanguage("en").patch("/api/settings", bad);
    expect(english.status).toBe(400);
    expect(english.headers.get("content-type")).toContain("application/problem+json");
    const byPath = (response: typeof english) => Object.fromEntries(response.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath(english)).toEqual({
      "body.timeZone": "Unknown time zone.",
      "body.currency": "Use IRR, IRT or an ISO 4217 code.",
      "body.lapsedDays": expect.stringContaining("7"),
    });
    const persian = await owner.withLanguage("fa").patch("/api/settings", bad);
    expect(persian.body.title).toBe("برخی از فیلدهای درخواست نامعتبر است.");
    expect(byPath(persian)).toEqual({
      "body.timeZone": "منطقهٔ زمانی ناشناخته است.",
      "body.currency": "از IRR، IRT یا یک کد ISO 4217 استفاده کنید.",
      "body.lapsedDays": expect.stringMatching(/[\u0600-\u06ff]/),
    });

    const cases: Array<[unknown, string]> = [
      [{ currency: "XYZ" }, "body.currency"],
      [{ timeZone: "+03:30" }, "body.timeZone"],
      [{ lapsedDays: 100_000 }, "body.lapsedDays"],
      [{ lapsedDays: 30.5 }, "body.lapsedDays"],
      [{ cidKind: "phone" }, "body.cidKind"],
      [{ locale: "de" }, "body.locale"],
      [{ name: " " }, "body.name"],
      [{ theme: "dark" }, "body"],
      [{}, "body"],
    ];
    for (const [body, path] of cases) {
      const response = await owner.patch("/api/settings", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toEqual([path]);
    }
    expect(await databaseFingerprint()).toEqual(before);
    expect((await owner.get("/api/settings")).body).toMatchObject({ timeZone: "Asia/Tehran", currency: "IRT", lapsedDays: 180 });
  });

  it("lets only settings managers change settings", async () => {
    const { workspaceId } = await signUp();
    const manager = await addMember(workspaceId, "manager");
    const response = await manager.patch("/api/settings", { lapsedDays: 30 });
    expect(response.status).toBe(403);
    expect((await manager.get("/api/settings")).body.lapsedDays).toBe(180);
  });
});
