// The NPS plugin end to end: the score's arithmetic, surveys, the one-tap answer page, SMS
// replies, the detractor's follow-up task, and the plugin switched off.
import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { anonymous } from "../../test/support/client";
import { plugins } from "../registry";
import { countRows, createPluginTestbed, signUp } from "../../worker/plugin-api/testing";
import { npsOf, scoreFromReply } from "./scoring";
import { at, newCustomer, newSurvey, npsBed, pagePath, results, sendNow, type Bed } from "./nps.test-support";

// Inside the default quiet hours (09:00–21:00 Tehran), unless a test says otherwise.
beforeEach(() => at("2026-03-10T08:00:00Z"));
afterEach(() => void vi.useRealTimers());


interface SendFacts {
  token: string;
  status: string;
  skip_reason: string | null;
  message_id: string | null;
}

/** The customer's sends of a survey, oldest first, as stored. */
async function sendsOf(bed: Bed, customerId: string): Promise<SendFacts[]> {
  const rows = await env.DB.prepare("select token, status, skip_reason, message_id from nps_sends where workspace_id = ? and customer_id = ? order by created_at, id").bind(bed.workspaceId, customerId).all<SendFacts>();
  return rows.results;
}

/** The SMS/e-mail messages the plugin sent a customer (through the outbox provider). */
async function messagesTo(bed: Bed, customerId: string) {
  const rows = await env.DB.prepare("select id, body, status, skip_reason from messages where workspace_id = ? and customer_id = ? and sent_by_plugin = 'nps' order by created_at").bind(bed.workspaceId, customerId).all<{ id: string; body: string; status: string; skip_reason: string | null }>();
  return rows.results;
}

const counts = (scores: Record<number, number>) => Array.from({ length: 11 }, (_, score) => scores[score] ?? 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("the score", () => {
  it("is % promoters − % detractors over a hand-made set, none without responses, 0 for all passives", () => {
    expect(npsOf(counts({})).score).toBeNull();
    expect(npsOf(counts({ 7: 4, 8: 6 })).score).toBe(0);
    // 5 promoters, 3 passives, 2 detractors of 10: 50 % − 20 % = 30.
    const mixed = npsOf(counts({ 10: 3, 9: 2, 8: 2, 7: 1, 6: 1, 0: 1 }));
    expect(mixed).toMatchObject({ responses: 10, promoters: 5, passives: 3, detractors: 2, score: 30 });
    expect(npsOf(counts({ 0: 3 })).score).toBe(-100);
  });

  it("gives the margin of error below 30 responses, and not from 30 on", () => {
    const few = npsOf(counts({ 10: 10, 8: 5, 3: 5 }));
    expect(few.responses).toBe(20);
    // p+ = .5, p− = .25: variance .75 − .0625 = .6875; 1.96 × √(.6875 / 20) ≈ 36 points.
    expect(few.marginOfError).toBe(36);
    expect(npsOf(counts({ 10: 15, 8: 8, 3: 7 })).marginOfError).toBeNull();
  });

  it("reads a score from a reply in Persian or Latin digits or in words, and nothing else", () => {
    expect(scoreFromReply("۹")).toBe(9);
    expect(scoreFromReply(" 10 ")).toBe(10);
    expect(scoreFromReply("ده")).toBe(10);
    expect(scoreFromReply("٧")).toBe(7);
    expect(scoreFromReply("11")).toBeNull();
    expect(scoreFromReply("لغو")).toBeNull();
    expect(scoreFromReply("9 but slow")).toBeNull();
  });
});

describe("surveys", () => {
  it("starts a survey with the default question in both languages, and refuses bad input naming the field", async () => {
    const bed = await npsBed();
    const surveyId = await newSurvey(bed);
    const survey = (await bed.owner.get(`/api/plugins/nps/surveys/${surveyId}`)).body;
    expect(survey.question.en).toBe("How likely are you to recommend us to a friend or colleague?");
    expect(survey.question.fa).toContain("پیشنهاد");
    expect(survey).toMatchObject({ channel: "sms", trigger: "manual", delayDays: 3, active: true });
    const bad = await bed.owner.post("/api/plugins/nps/surveys", { name: "x", trigger: "sometimes" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.trigger"]);
    const badSettings = await bed.owner.patch("/api/plugins/nps", { settings: { throttleDays: 3 } });
    expect(badSettings.status).toBe(400);
    expect(badSettings.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.settings.throttleDays"]);
  });

  it("edits every text in both languages, the links, channel and timing, and refuses bad input naming each field, changing nothing", async () => {
    const bed = await npsBed();
    const surveyId = await newSurvey(bed);
    const path = `/api/plugins/nps/surveys/${surveyId}`;
    const edit = {
      question: { en: "Would you recommend Gol Shop?", fa: "گل‌شاپ را پیشنهاد می‌کنید؟" },
      followUps: { detractor: { en: "What hurt?", fa: "چه بد بود؟" }, passive: { en: "What is missing?", fa: "چه کم بود؟" }, promoter: { en: "What was best?", fa: "چه خوب بود؟" } },
      thankYou: { en: "Many thanks.", fa: "بسیار سپاس." },
      referralInvite: { en: "Bring a friend to Gol Shop!", fa: "دوستتان را به گل‌شاپ بیاورید!" },
      reviewUrl: "https://maps.example.com/gol-shop",
      channel: "email",
      delayDays: 5,
      reminderDays: 2,
    };
    const saved = await bed.owner.patch(path, edit);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject(edit);
    const bad = await bed.owner.withLanguage("fa").patch(path, { question: { en: "", fa: "x" }, reviewUrl: "not a link", delayDays: 99, channel: "fax" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(["body.channel", "body.delayDays", "body.question.en", "body.reviewUrl"]);
    expect(bad.body.errors.every((error: { message: string }) => /[\u0600-\u06FF]/.test(error.message))).toBe(true);
    expect((await bed.owner.get(path)).body).toMatchObject(edit);

    // The page's editor for the survey: one field per language, filled with what is saved.
    const page = (await bed.owner.get("/api/plugins/nps/ui/page")).body.blocks;
    const editor = page.find((block: { type: string; request?: { method: string; path: string } }) => block.type === "form" && block.request?.method === "PATCH" && block.request.path === `/surveys/${surveyId}`);
    const defaults = Object.fromEntries(editor.fields.map((field: { name: string; default?: unknown }) => [field.name, field.default]));
    expect(defaults).toMatchObject({ "question.en": edit.question.en, "question.fa": edit.question.fa, "followUps.passive.fa": "چه کم بود؟", "referralInvite.en": edit.referralInvite.en, channel: "email", delayDays: 5, reminderDays: 2, reviewUrl: edit.reviewUrl });
    // Emptying the review link and the reminder in the editor clears them (the form sends null).
    const clearable = editor.fields.filter((field: { emptyAs?: string }) => field.emptyAs === "null").map((field: { name: string }) => field.name);
    expect(clearable.sort()).toEqual(["reminderDays", "reviewUrl"]);
    const cleared = await bed.owner.patch(path, { reviewUrl: null, reminderDays: null });
    expect(cleared.body).toMatchObject({ reviewUrl: null, reminderDays: null, delayDays: 5 });
  });

  it("shows a promoter the survey's own invitation to refer a friend, and a detractor none", async () => {
    const bed = await npsBed();
    const promoter = await asked(bed);
    await bed.owner.patch(`/api/plugins/nps/surveys/${promoter.surveyId}`, { referralInvite: { en: "Bring a friend to Gol Shop!", fa: "دوستتان را به گل‌شاپ بیاورید!" } });
    const visitor = anonymous(bed.worker).withLanguage("en");
    const invited = (await visitor.get(pagePath(bed, promoter.token, 10))).text;
    expect(invited).toContain("Bring a friend to Gol Shop!");
    expect(invited).not.toContain("Your referral code"); // no loyalty club here
    const detractor = await asked(bed);
    await bed.owner.patch(`/api/plugins/nps/surveys/${detractor.surveyId}`, { referralInvite: { en: "Bring a friend to Gol Shop!", fa: "دوستتان را به گل‌شاپ بیاورید!" } });
    const unhappy = await visitor.get(pagePath(bed, detractor.token, 2));
    expect(unhappy.status).toBe(200);
    expect(unhappy.text).not.toContain("Bring a friend");
    // The breakdown by channel (from the rollups) and by stage, on the API and the page.
    const byChannel = (await bed.owner.get("/api/plugins/nps/results/breakdown?by=channel")).body;
    expect(byChannel.groups).toMatchObject([{ key: "sms", responses: 2, score: 0, marginOfError: expect.any(Number) }]);
    const titles = (await bed.owner.get("/api/plugins/nps/ui/page")).body.blocks.map((block: { title?: { en: string } }) => block.title?.en);
    expect(titles).toEqual(expect.arrayContaining(["By channel", "By customer stage", "By RFM group", "By saved segment", "Sends"]));
  });

  it("answers 404 while disabled, on its routes and with a polite HTML page in the visitor's language (else both) on its public page, and keeps the data", async () => {
    const bed = await npsBed();
    const customerId = await newCustomer(bed);
    const surveyId = await newSurvey(bed);
    await sendNow(bed, surveyId);
    const [send] = await sendsOf(bed, customerId);
    expect((await bed.owner.patch("/api/plugins/nps", { enabled: false })).status).toBe(200);
    expect((await bed.owner.get("/api/plugins/nps/surveys")).status).toBe(404);
    // As a browser asks for a page: HTML. (A program that does not ask for HTML gets a problem.)
    const browser = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
    const program = await anonymous(bed.worker).get(pagePath(bed, send!.token));
    expect([program.status, program.headers.get("content-type")]).toEqual([404, "application/problem+json; charset=utf-8"]);
    const page = await anonymous(bed.worker).withLanguage("en").get(pagePath(bed, send!.token), browser);
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain("This page is not available");
    expect(page.text).not.toContain("در دسترس نیست");
    const persian = await anonymous(bed.worker).withLanguage("fa-IR").get(pagePath(bed, send!.token, 9), browser);
    expect([persian.status, persian.text.includes('lang="fa" dir="rtl"'), persian.text.includes("This page")]).toEqual([404, true, false]);
    // A browser that names neither language: both.
    const unknown = await anonymous(bed.worker).withLanguage("de").get(pagePath(bed, send!.token), browser);
    expect([unknown.status, unknown.text.includes("در دسترس نیست"), unknown.text.includes("This page is not available")]).toEqual([404, true, true]);
    expect(await countRows("nps_sends", "workspace_id = ?", bed.workspaceId)).toBe(1);
    expect((await bed.owner.patch("/api/plugins/nps", { enabled: true })).status).toBe(200);
    expect((await bed.owner.get(`/api/plugins/nps/surveys/${surveyId}`)).status).toBe(200);
    expect((await anonymous(bed.worker).get(pagePath(bed, send!.token))).status).toBe(200);
  });
});

/** A customer asked by SMS through the outbox; the token of the link in their message. */
async function asked(bed: Bed, fields: Record<string, unknown> = {}) {
  const customerId = await newCustomer(bed, fields);
  const surveyId = await newSurvey(bed);
  await sendNow(bed, surveyId);
  const [send] = await sendsOf(bed, customerId);
  expect(send?.status).toBe("sent");
  expect(await messagesTo(bed, customerId)).toHaveLength(1);
  return { customerId, surveyId, token: send!.token };
}

describe("answering by a tap", () => {
  it("records the tapped score once, changes it on a second tap within the window, and refuses after it", async () => {
    at("2026-03-10T08:00:00Z");
    const bed = await npsBed();
    const { customerId, token } = await asked(bed);
    const visitor = anonymous(bed.worker).withLanguage("en");
    const first = await visitor.get(pagePath(bed, token, 9));
    expect(first.status).toBe(200);
    expect(first.text).toContain("Your answer: <strong>9</strong>");
    expect((await results(bed)).overall).toMatchObject({ responses: 1, promoters: 1, score: 100 });
    at(Date.parse("2026-03-10T08:00:00Z") + 2 * HOUR);
    expect((await visitor.get(pagePath(bed, token, 9))).status).toBe(200); // the same tap again: nothing new
    expect((await visitor.get(pagePath(bed, token, 3))).status).toBe(200);
    const changed = await results(bed);
    expect(changed.overall).toMatchObject({ responses: 1, promoters: 0, detractors: 1, score: -100 });
    expect(changed.distribution[3]).toBe(1);
    expect(changed.distribution[9]).toBe(0);
    at(Date.parse("2026-03-10T08:00:00Z") + 25 * HOUR);
    const late = await visitor.get(pagePath(bed, token, 10));
    expect(late.status).toBe(410);
    expect(late.text).toContain("This survey is closed");
    expect((await results(bed)).overall.score).toBe(-100);
    expect(await countRows("nps_responses", "workspace_id = ? and customer_id = ?", bed.workspaceId, customerId)).toBe(1);
    const panel = await bed.owner.get(`/api/plugins/nps/ui/customers/${customerId}`);
    expect(panel.body.blocks[0].items[0].value).toBe(3);
  });

  it("refuses forged, other workspaces' and expired tokens with a polite page", async () => {
    at("2026-03-10T08:00:00Z");
    const bed = await npsBed();
    const { token } = await asked(bed);
    const visitor = anonymous(bed.worker).withLanguage("fa");
    const forged = await visitor.get(pagePath(bed, "0".repeat(32), 9));
    expect(forged.status).toBe(404);
    expect(forged.headers.get("content-type")).toContain("text/html");
    expect(forged.text).toContain("این پیوند نظرسنجی معتبر نیست");
    const other = await signUp({ worker: bed.worker });
    await other.owner.patch("/api/plugins/nps", { enabled: true });
    expect((await visitor.get(`/p/nps/${other.workspaceId}/a/${token}/9`)).status).toBe(404);
    at(Date.parse("2026-03-10T08:00:00Z") + 15 * DAY);
    const expired = await visitor.get(pagePath(bed, token, 9));
    expect(expired.status).toBe(410);
    expect(await countRows("nps_responses", "workspace_id = ?", bed.workspaceId)).toBe(0);
  });

  it("serves a tiny page, RTL Persian with Persian digits or English, that scores without script", async () => {
    const bed = await npsBed();
    const { token } = await asked(bed);
    const fa = await anonymous(bed.worker).withLanguage("fa").get(pagePath(bed, token));
    expect(fa.status).toBe(200);
    expect(fa.text).toContain('dir="rtl"');
    expect(fa.text).toContain(">۱۰</a>");
    expect(fa.text).not.toContain("<script");
    expect(new TextEncoder().encode(fa.text).length).toBeLessThan(15_000);
    const en = await anonymous(bed.worker).withLanguage("en").get(pagePath(bed, token));
    expect(en.text).toContain('dir="ltr"');
    expect(en.text).toContain(`href="${pagePath(bed, token, 10)}"`);
    expect(new TextEncoder().encode(en.text).length).toBeLessThan(15_000);
  });

  it("lists a promoter's comment as a testimonial only with the consent given on the page", async () => {
    const bed = await npsBed();
    const quoted = await asked(bed);
    const unquoted = await asked(bed);
    const visitor = anonymous(bed.worker).withLanguage("en");
    const form = { "content-type": "application/x-www-form-urlencoded" };
    await visitor.get(pagePath(bed, quoted.token, 10));
    expect((await visitor.post(`${pagePath(bed, quoted.token)}/comment`, "comment=Fast+delivery&consent=yes", form)).status).toBe(200);
    await visitor.get(pagePath(bed, unquoted.token, 9));
    expect((await visitor.post(`${pagePath(bed, unquoted.token)}/comment`, "comment=Good", form)).status).toBe(200);
    const testimonials = await bed.owner.get("/api/plugins/nps/responses?testimonials=true");
    expect(testimonials.body.items).toEqual([expect.objectContaining({ customerId: quoted.customerId, comment: "Fast delivery", testimonialConsentAt: expect.any(String) })]);
  });
});

describe("closing the loop", () => {
  it("opens exactly one follow-up task for a detractor's owner, even when the event is delivered three times", async () => {
    at("2026-03-10T08:00:00Z");
    const bed = await npsBed();
    const { customerId, token } = await asked(bed, { ownerUserId: bed.owner.identity.userId });
    await anonymous(bed.worker).get(pagePath(bed, token, 2));
    await bed.drain();
    await bed.drain();
    await bed.drain();
    const tasks = await env.DB.prepare("select assignee_user_id, due_at, title from tasks where workspace_id = ? and customer_id = ?").bind(bed.workspaceId, customerId).all<{ assignee_user_id: string; due_at: number }>();
    expect(tasks.results).toHaveLength(1);
    expect(tasks.results[0]!.assignee_user_id).toBe(bed.owner.identity.userId);
    expect(tasks.results[0]!.due_at).toBe(Date.parse("2026-03-10T08:00:00Z") + 48 * HOUR);
    expect(await countRows("events", "workspace_id = ? and name = 'nps.detractor'", bed.workspaceId)).toBe(1);
    expect(await countRows("events", "workspace_id = ? and name = 'nps.responded'", bed.workspaceId)).toBe(1);
  });

  it("opens no task for a promoter", async () => {
    const bed = await npsBed();
    const { customerId, token } = await asked(bed);
    await anonymous(bed.worker).get(pagePath(bed, token, 10));
    await bed.drain();
    expect(await countRows("tasks", "workspace_id = ? and customer_id = ?", bed.workspaceId, customerId)).toBe(0);
  });
});


async function paidOrder(bed: Bed, customerId: string) {
  const response = await bed.owner.post("/api/orders", { customerId, total: 100_000, status: "paid" });
  expect(response.status, response.text).toBe(201);
}

describe("asking", () => {
  it("asks once per paid order, N days later, and skips the throttled, those without consent, and defers in quiet hours", async () => {
    const bed = await npsBed();
    await newSurvey(bed, { trigger: "after_order", delayDays: 3 });
    const twice = await newCustomer(bed);
    const refused = await newCustomer(bed, { consent: { sms: "withdrawn" } });
    await paidOrder(bed, twice);
    await paidOrder(bed, twice);
    await paidOrder(bed, refused);
    await bed.drain();
    await bed.drain(); // every event delivered again: still one send per order
    expect((await sendsOf(bed, twice)).map((send) => send.status)).toEqual(["queued", "queued"]);
    await bed.tick(new Date("2026-03-12T08:00:00Z")); // a day early: nothing asked
    expect(await messagesTo(bed, twice)).toEqual([]);
    await bed.tick(new Date("2026-03-13T08:00:00Z")); // 11:30 in Tehran
    const asked = await sendsOf(bed, twice);
    expect(asked.map((send) => [send.status, send.skip_reason]).sort()).toEqual([
      ["sent", null],
      ["skipped", "throttled"],
    ]);
    expect(await messagesTo(bed, twice)).toHaveLength(1);
    expect((await sendsOf(bed, refused)).map((send) => [send.status, send.skip_reason])).toEqual([["skipped", "no_consent"]]);

    at("2026-03-10T19:00:00Z"); // paid at 22:30 in Tehran: asked three days later at the same time, in quiet hours
    const late = await newCustomer(bed);
    await paidOrder(bed, late);
    await bed.drain();
    await bed.tick(new Date("2026-03-13T19:00:00Z"));
    expect((await sendsOf(bed, late)).map((send) => send.status)).toEqual(["deferred"]);
    expect((await messagesTo(bed, late)).map((message) => message.status)).toEqual(["deferred"]);
  });

  it("skips past the workspace's daily cap with the reason, and waits for a local time when one is given", async () => {
    const bed = await npsBed({ dailyCap: 1 });
    const first = await newCustomer(bed);
    const second = await newCustomer(bed);
    await sendNow(bed, await newSurvey(bed));
    const statuses = [...(await sendsOf(bed, first)), ...(await sendsOf(bed, second))].map((send) => [send.status, send.skip_reason]).sort();
    expect(statuses).toEqual([
      ["sent", null],
      ["skipped", "daily_cap"],
    ]);
    const later = await newCustomer(bed);
    const campaign = await sendNow(bed, await newSurvey(bed), { at: "18:00" });
    expect(campaign.notBefore).toBe("2026-03-10T14:30:00.000Z"); // 18:00 in Tehran
    expect(await sendsOf(bed, later)).toEqual([]);
    await bed.tick(new Date("2026-03-10T15:00:00Z"));
    expect((await sendsOf(bed, later)).map((send) => [send.status, send.skip_reason])).toEqual([["skipped", "daily_cap"]]);
  });

  it("scores an SMS reply of '۹' for the survey and customer it answers, and 'ده' for the latest survey when the reply names none", async () => {
    const bed = await npsBed();
    const first = await asked(bed);
    const second = await asked(bed);
    const [message] = await messagesTo(bed, first.customerId);
    await bed.emit("message.received", { customerId: first.customerId, channel: "sms", text: "۹", inReplyToMessageId: message!.id, receivedAt: Date.now() });
    await bed.emit("message.received", { customerId: second.customerId, channel: "sms", text: "ده", inReplyToMessageId: null, receivedAt: Date.now() });
    await bed.emit("message.received", { customerId: second.customerId, channel: "sms", text: "thanks", inReplyToMessageId: null, receivedAt: Date.now() });
    await bed.drain();
    await bed.drain();
    const answers = (await bed.owner.get("/api/plugins/nps/responses")).body.items;
    expect(answers.map((r: { customerId: string; surveyId: string; score: number; via: string }) => [r.customerId, r.surveyId, r.score, r.via]).sort()).toEqual(
      [
        [first.customerId, first.surveyId, 9, "sms"],
        [second.customerId, second.surveyId, 10, "sms"],
      ].sort(),
    );
    expect((await results(bed)).overall).toMatchObject({ responses: 2, promoters: 2, score: 100, marginOfError: 0 });
  });
});

describe("with the loyalty club", () => {
  it("invites a promoter with their own referral code of the club, and a passive without", async () => {
    const bed = await createPluginTestbed({ plugins, settings: { loyalty: { signupBonus: 0 } } });
    const promoter = await asked(bed);
    const passive = await asked(bed);
    await bed.drain();
    const member = await bed.owner.get(`/api/plugins/loyalty/members/${promoter.customerId}`);
    expect(member.body.referralCode).toMatch(/^[A-Z0-9-]{4,}$/);
    const visitor = anonymous(bed.worker).withLanguage("en");
    expect((await visitor.get(pagePath(bed, promoter.token, 10))).text).toContain(`Your referral code: <strong dir="ltr">${member.body.referralCode}</strong>`);
    const thanks = await visitor.post(`${pagePath(bed, promoter.token)}/comment`, "comment=Lovely", { "content-type": "application/x-www-form-urlencoded" });
    expect(thanks.text).toContain(member.body.referralCode);
    expect((await visitor.get(pagePath(bed, passive.token, 8))).text).not.toContain("Your referral code");
  });


  it("earns the club's survey bonus once per answer, through nps.responded", async () => {
    const bed = await createPluginTestbed({ plugins, settings: { loyalty: { signupBonus: 0, npsResponseBonus: 20 } } });
    const { customerId, token } = await asked(bed);
    await anonymous(bed.worker).get(pagePath(bed, token, 8));
    await anonymous(bed.worker).get(pagePath(bed, token, 9)); // changed within the window: still one answer
    await bed.drain();
    await bed.drain();
    const member = await bed.owner.get(`/api/plugins/loyalty/members/${customerId}`);
    expect(member.body.balance).toBe(20);
  });
});
