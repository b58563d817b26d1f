// Templates (placeholders checked at save, rendered in the customer's language with Persian
// digits in fa) and short links (a redirect, clicks counted, `message.clicked` once per message,
// a polite page for an unknown code); neither crosses workspaces.
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { exports } from "cloudflare:workers";
import { anonymous, ORIGIN } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { events, shortLinks } from "../data/schema";
import { pluginMessaging } from "../plugin-runtime/plugin-messaging";
import { customerWith } from "./messaging.test-support";
import { sendMessage } from "./send-message";

const pointsTemplate = {
  name: "points-reminder",
  channel: "sms",
  purpose: "transactional",
  text: { fa: "{firstName} عزیز، {points} امتیاز در {shopName} دارید.", en: "Dear {firstName}, you have {points} points at {shopName}." },
};

describe("message templates", () => {
  it("refuses an unknown placeholder at save, naming the field, and renders a saved one in the customer's language with Persian digits", async () => {
    const { owner, workspaceId } = await customerWith({ sms: "granted" });
    const misspelt = await owner.post("/api/messaging/templates", { ...pointsTemplate, text: { ...pointsTemplate.text, fa: "{poinst} امتیاز" } });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.errors).toEqual([expect.objectContaining({ path: "body.text.fa", code: "unknown_placeholder", message: expect.stringContaining("{poinst}") })]);
    expect((await owner.get("/api/messaging/templates")).body.items).toEqual([]);

    const saved = await owner.post("/api/messaging/templates", pointsTemplate);
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: "points-reminder", purpose: "transactional", text: pointsTemplate.text, providerTemplate: null });
    expect((await owner.post("/api/messaging/templates", pointsTemplate)).status).toBe(409);

    const persianCustomer = await owner.post("/api/customers", { firstName: "سارا", mobile: "09121234568", consent: { sms: "granted" }, attributes: { locale: "fa" } });
    const scope = openWorkspace(env, workspaceId);
    const sent = await sendMessage(env, scope, { customerId: persianCustomer.body.id, channel: "sms", purpose: "transactional", template: "points-reminder", variables: { points: 1250 }, idempotencyKey: "p1" });
    expect(sent.message.body).toBe("سارا عزیز، ۱۲۵۰ امتیاز در Test shop دارید.");
    // Without a value for a placeholder the text uses, nothing is sent.
    await expect(sendMessage(env, scope, { customerId: persianCustomer.body.id, channel: "sms", purpose: "transactional", template: "points-reminder", idempotencyKey: "p2" })).rejects.toMatchObject({
      status: 400,
    });

    // A template saved as marketing stays marketing, whatever the sender says.
    const patched = await owner.patch(`/api/messaging/templates/${saved.body.id}`, { purpose: "marketing" });
    expect(patched.body.purpose).toBe("marketing");
    const night = Date.parse("2026-03-10T23:00:00+03:30");
    const asMarketing = await sendMessage(env, scope, { customerId: persianCustomer.body.id, channel: "sms", purpose: "transactional", template: "points-reminder", variables: { points: 5 }, idempotencyKey: "p3" }, { at: night });
    expect(asMarketing).toMatchObject({ status: "deferred" });

    // Another workspace cannot see, change, delete or send this template.
    const stranger = await customerWith({ sms: "granted" });
    expect((await stranger.owner.get("/api/messaging/templates")).body.items).toEqual([]);
    expect((await stranger.owner.patch(`/api/messaging/templates/${saved.body.id}`, { name: "mine" })).status).toBe(404);
    expect((await stranger.owner.delete(`/api/messaging/templates/${saved.body.id}`)).status).toBe(404);
    const theirs = await stranger.owner.post(`/api/customers/${stranger.customerId}/messages`, { channel: "sms", purpose: "transactional", template: "points-reminder", variables: { points: 1 } });
    expect(theirs.status).toBe(400);
    expect(theirs.body.errors).toEqual([expect.objectContaining({ path: "body.template", code: "unknown_template" })]);
    expect((await owner.delete(`/api/messaging/templates/${saved.body.id}`)).status).toBe(204);
  });
});

describe("short links", () => {
  it("put a sent link behind /s/{code}, redirect, count every click and emit message.clicked once per message", async () => {
    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Your survey: {link}", link: { url: "https://shop.example/survey?o=1042" } });
    expect(sent.status).toBe(201);
    const code = /\/s\/([A-Za-z0-9_-]{8})$/.exec(sent.body.body)?.[1];
    expect(code, sent.body.body).toBeDefined();

    for (let click = 0; click < 2; click++) {
      // As a phone's browser first sees it: the redirect itself, not where it leads.
      const visit = await exports.default.fetch(new Request(`${ORIGIN}/s/${code}`, { redirect: "manual" }));
      expect(visit.status).toBe(302);
      expect(visit.headers.get("location")).toBe("https://shop.example/survey?o=1042");
    }
    const db = openWorkspace(env, workspaceId).db;
    expect(await db.select({ clicks: shortLinks.clicks }).from(shortLinks).where(eq(shortLinks.code, code!))).toEqual([{ clicks: 2 }]);
    const clicked = await db.select().from(events).where(and(eq(events.workspaceId, workspaceId), eq(events.name, "message.clicked")));
    expect(clicked.map((event) => event.payload)).toEqual([{ messageId: sent.body.id, customerId, code, url: "https://shop.example/survey?o=1042" }]);
  });

  it("answer an unknown or expired code with a small page in the visitor's language, and keep another workspace's message out of reach", async () => {
    const unknown = await anonymous().get("/s/NoSuch12", { "accept-language": "fa" });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain("پیوند پیدا نشد");
    expect(unknown.text).toContain('dir="rtl"');

    const { owner, customerId, workspaceId } = await customerWith({ sms: "granted" });
    const link = await pluginMessaging(env, openWorkspace(env, workspaceId), "survey", () => Date.now()).shortLink({ url: "https://shop.example/old", expiresAt: Date.now() - 1000 });
    const expired = await anonymous().get(`/s/${link.code}`, { "accept-language": "en" });
    expect(expired.status).toBe(404);
    expect(expired.text).toContain("Link not found");

    const sent = await owner.post(`/api/customers/${customerId}/messages`, { channel: "sms", purpose: "transactional", body: "Hi" });
    const stranger = await customerWith({ sms: "granted" });
    await expect(
      pluginMessaging(env, openWorkspace(env, stranger.workspaceId), "survey", () => Date.now()).shortLink({ url: "https://evil.example", messageId: sent.body.id }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await stranger.owner.get(`/api/customers/${customerId}/messages`)).status).toBe(404);
  });
});
