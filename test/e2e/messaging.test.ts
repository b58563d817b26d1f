// Messaging as a shop owner uses it, in Persian and in English: set a price per SMS part, write a
// Persian SMS to one customer and watch its parts and cost change while typing, send it (the outbox
// records it), mark it delivered through the outbox's simulated delivery report, and find it
// "delivered" in the message log; and a bulk SMS from the customers list's bulk bar, its results
// counted by outcome, then an e-mail to every customer of a saved segment, ticked on its view.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCustomer, sameOrigin, signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { eventually } from "./support/waiting";
import { LANGUAGES, words } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// 59 characters of Persian (one UCS-2 part holds 70); the rest takes it to 73, two parts of 67.
const FIRST = "سلام مریم جان، سفارش شما امروز ارسال شد و فردا می‌رسد. سپاس";
const MORE = " از خرید شما!!";

describe.each(LANGUAGES)("messaging in %s", (language) => {
  const w = words[language];
  const digits = (text: string) => (language === "fa" ? text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!) : text);

  it("shows a Persian SMS's parts and cost while it is typed, sends it, and the log shows it delivered after the outbox's report", async () => {
    expect(FIRST.length).toBeLessThanOrEqual(70);
    expect((FIRST + MORE).length).toBeGreaterThan(70);
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, language);
    const customer = await addCustomer(visitor, { firstName: "مریم", lastName: "کریمی", mobile: "09123456789", consent: { sms: "granted" } });

    // One SMS part costs 150 with the outbox (so the composer has a price to show).
    await page.goto("/settings/messaging");
    const smsCard = page.getByRole("region", { name: language === "fa" ? "پیامک" : "SMS", exact: true });
    await smsCard.getByRole("textbox", { name: w.smsPrice }).fill(digits("150"));
    await smsCard.getByRole("button", { name: w.save }).click();
    await page.getByText(w.smsProviderSaved).waitFor();
    await smsCard.getByRole("textbox", { name: w.reportsAddress }).waitFor();

    // The composer counts as the text is typed.
    await page.goto(`/customers/${customer.id}`);
    await page.getByRole("button", { name: w.sendSms }).click();
    const composer = page.getByRole("dialog", { name: w.sendSms });
    const text = composer.getByRole("textbox", { name: w.smsText });
    const meter = composer.locator(".sms-meter__facts");
    await text.fill(FIRST);
    await eventually("the parts of a 59-character Persian text", () => meter.textContent()).toContain(w.onePart);
    await eventually("the cost of one part", () => composer.locator(".sms-meter__cost").textContent()).toContain(digits("150"));
    await text.pressSequentially(MORE);
    await eventually("the parts once the text is past 70 characters", () => meter.textContent()).toContain(w.twoParts);
    await eventually("the cost of two parts", () => composer.locator(".sms-meter__cost").textContent()).toContain(digits("300"));

    // Sent: the outbox records it, and the composer says so.
    await composer.getByRole("button", { name: w.send, exact: true }).click();
    await composer.getByText(w.recordedInOutbox).waitFor();
    await composer.getByRole("button", { name: w.done, exact: true }).click();
    await composer.waitFor({ state: "hidden" });

    // The log lists it as recorded; the outbox's simulated report marks it delivered.
    await page.goto("/settings/messaging");
    const log = page.getByRole("region", { name: w.messageLog });
    const entry = log.getByRole("listitem").filter({ hasText: FIRST });
    await entry.getByText(w.recorded, { exact: true }).waitFor();
    await entry.getByRole("button", { name: w.markDelivered }).click();
    await entry.getByText(w.delivered, { exact: true }).waitFor();
    await eventually("the simulated-report buttons of a delivered message", () => entry.getByRole("button", { name: w.markDelivered }).count()).toBe(0);

    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});

describe("a bulk SMS and e-mail from the customers list", () => {
  it("sends an SMS to the ticked customers through the composer, marketing by default, counting who was skipped for lack of consent; then an e-mail to a segment's ticked customers, one skipped for lack of an address", async () => {
    const language = "fa";
    const w = words[language];
    const visitor = await newVisitor(browser);
    const { page, context } = visitor;
    await signUpByApi(visitor, language);
    // Marketing waits outside the sending hours; these leave nearly the whole day open.
    const policy = await context.request.patch("/api/settings", { data: { messaging: { quietHours: { start: "00:00", end: "23:59" } } }, headers: sameOrigin() });
    expect(policy.status(), await policy.text()).toBe(200);
    await addCustomer(visitor, { firstName: "مریم", mobile: "09123456781", consent: { sms: "granted" } });
    await addCustomer(visitor, { firstName: "رضا", mobile: "09123456782" });
    await addCustomer(visitor, { firstName: "سارا", mobile: "09123456783", email: "sara@example.com", consent: { email: "granted" } });
    await addCustomer(visitor, { firstName: "نازنین", mobile: "09123456784", consent: { email: "granted" } });

    await page.goto("/customers");
    await page.getByRole("checkbox", { name: w.selectPage }).check();
    await page.getByRole("combobox", { name: w.bulkAction }).selectOption({ label: w.sendSms });
    const marketing = page.getByRole("radio", { name: /تبلیغاتی/ });
    await eventually("the composer's purpose, marketing for a bulk send", () => marketing.isChecked()).toBe(true);
    await page.getByRole("textbox", { name: w.smsText }).fill("حراج پاییزه از فردا");
    await page.getByRole("button", { name: w.send, exact: true }).click();

    const status = page.locator(".bulk-bar__status");
    await eventually("the bulk send's results", () => status.textContent()).toContain(w.skippedNoConsent);
    // Drawn in the same render as the skipped count.
    const text = (await status.textContent()) ?? "";
    expect(text.includes(w.sentRecorded) || text.includes("زمان‌بندی‌شده")).toBe(true);

    // The customers who agreed to e-mail, as a saved segment: its rows ticked on its own view.
    const segment = await context.request.post("/api/segments", { data: { name: "ایمیلی‌ها", filter: { consent: { email: true } } }, headers: sameOrigin() });
    expect(segment.status(), await segment.text()).toBe(201);
    await page.goto(`/customers?segment=${(await segment.json()).id}`);
    await eventually("the segment's two customers", () => page.getByRole("checkbox", { name: /^انتخاب (سارا|نازنین)/ }).count()).toBe(2);
    await page.getByRole("checkbox", { name: w.selectPage }).check();
    await page.getByRole("combobox", { name: w.bulkAction }).selectOption({ label: w.sendEmail });
    await page.getByRole("textbox", { name: w.emailSubject }).fill("حراج پاییزه");
    await page.getByRole("textbox", { name: w.emailText }).fill("سلام {firstName}، حراج از فردا");
    await page.getByRole("button", { name: w.send, exact: true }).click();
    await eventually("the bulk e-mail's results", () => status.textContent()).toContain(w.skippedNoAddress);
    expect(await status.textContent()).not.toContain(w.skippedNoConsent);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
