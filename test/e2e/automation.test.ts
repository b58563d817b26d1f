// Marketing automation as a shop owner uses it, in Persian and in English: switch on the win-back
// template, open it in the step editor, see a problem shown at its step, move a step by keyboard
// and back, change a wait and the goal and publish (at 390 px and 320 px without sideways scroll),
// dry-run it on a customer found by mobile; then
// compose a campaign to a saved segment, see its audience and cost, send it, and find its messages
// in the message log (recorded by the outbox); then tick two customers on the customers list and
// send them a campaign: the composer opens with those two as its audience.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCustomer, sameOrigin, signUpByApi } from "./support/accounts";
import { axeViolations, describeViolations } from "./support/axe";
import { appOrigin, launchBrowser, newVisitor, type Visitor } from "./support/browser";
import { screenshotsDir } from "./support/paths";
import { eventually } from "./support/waiting";
import { LANGUAGES, words, type Language } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(screenshotsDir, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** The automation page's words, in the plugin's own wording. */
const say = {
  fa: {
    page: "بازاریابی خودکار",
    addWinBack: "افزودن «بازگرداندن مشتریان از دست رفته»",
    winBack: "بازگرداندن مشتریان از دست رفته",
    step: (n: string, kind: string) => `گام ${n} · ${kind}`,
    wait: "صبر",
    send: "ارسال پیام",
    businessDay: "صبر تا روز کاری بعد",
    days: "روز",
    at: "ساعت",
    textEn: "متن انگلیسی",
    moveDown: (n: string) => `بردن گام ${n} به پایین`,
    moveUp: (n: string) => `بردن گام ${n} به بالا`,
    saveDraft: "ذخیرهٔ پیش‌نویس",
    publish: "ذخیره و انتشار",
    published: "منتشر شد",
    active: "فعال",
    newCampaign: "کمپین تازه",
    name: "نام",
    segment: "بخش مشتریان",
    textFaField: "متن فارسی",
    saveCampaign: "ذخیرهٔ پیش‌نویس",
    draftSaved: "پیش‌نویس ذخیره شد",
    customers: (n: string) => `${n} مشتری`,
    sendNow: (name: string) => `ارسال «${name}» اکنون`,
    sent: "ارسال‌شده",
    campaigns: "کمپین‌ها",
    goalDays: "ظرف چند روز از ورود",
    dryRunCustomer: "مشتری: نام یا شمارهٔ موبایل",
    runDryRun: "اجرای آزمایشی",
    dryRunTable: (name: string) => `آنچه جریان برای ${name} انجام می‌دهد`,
    firstStepSends: /^(پیامک می‌فرستد|پیامک را برای ساعت سکوت نگه می‌دارد)/,
    selectRow: (name: string) => `انتخاب ${name}`,
    sendAsCampaign: "ارسال به‌صورت کمپین",
    continue: "ادامه",
    chosen: (n: string) => `${n} مشتری که انتخاب کردید`,
  },
  en: {
    page: "Marketing automation",
    addWinBack: "Add “Win back lapsed customers”",
    winBack: "Win back lapsed customers",
    step: (n: string, kind: string) => `Step ${n} · ${kind}`,
    wait: "Wait",
    send: "Send a message",
    businessDay: "Wait until the next business day",
    days: "Days",
    at: "At",
    textEn: "Text in English",
    moveDown: (n: string) => `Move step ${n} down`,
    moveUp: (n: string) => `Move step ${n} up`,
    saveDraft: "Save draft",
    publish: "Save and publish",
    published: "Published",
    active: "Active",
    newCampaign: "New campaign",
    name: "Name",
    segment: "Segment",
    textFaField: "Text in Persian",
    saveCampaign: "Save as draft",
    draftSaved: "Draft saved",
    customers: (n: string) => `${n} customers`,
    sendNow: (name: string) => `Send “${name}” now`,
    sent: "Sent",
    campaigns: "Campaigns",
    goalDays: "Within days of entering",
    dryRunCustomer: "Customer: name or mobile",
    runDryRun: "Run a dry run",
    dryRunTable: (name: string) => `What the flow would do for ${name}`,
    firstStepSends: /^(Sends an SMS|Holds an SMS for quiet hours)/,
    selectRow: (name: string) => `Select ${name}`,
    sendAsCampaign: "Send as a campaign",
    continue: "Continue",
    chosen: (n: string) => `The ${n} customers you chose`,
  },
} satisfies Record<Language, unknown>;

async function api(visitor: Visitor, method: "get" | "post" | "patch", path: string, data?: unknown) {
  const response = await visitor.context.request[method](path, { ...(data === undefined ? {} : { data }), headers: sameOrigin() });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** Whether the page is wider than the window (a sideways scroll). */
const scrollsSideways = (page: Page) => page.evaluate<boolean>("document.documentElement.scrollWidth > document.documentElement.clientWidth");

describe.each(LANGUAGES)("marketing automation in %s", (language) => {
  const w = words[language];
  const s = say[language];
  const digits = (text: string) => (language === "fa" ? text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!) : text);

  it("switches on the win-back template, edits its steps and goal and publishes it in the editor, dry-runs it on a customer, and sends a campaign to a segment that the message log shows; two customers ticked on the customers list open the composer as its audience", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    page.on("dialog", (dialog) => void dialog.accept());
    await signUpByApi(visitor, language);
    await api(visitor, "patch", "/api/plugins/automation", { enabled: true });
    // Every minute of the day is a sending minute, so the campaign goes now whenever the test runs; one SMS part costs 150.
    await api(visitor, "patch", "/api/settings", { messaging: { quietHours: { start: "00:00", end: "23:59" }, smsPricePerPart: { outbox: 150 } } });
    for (const [firstName, mobile] of [["Sara", "09121230001"], ["Omid", "09121230002"]]) await addCustomer(visitor, { firstName, mobile, consent: { sms: "granted" } });

    // The template becomes a draft flow, listed with a link to its editor.
    await page.goto("/plugins/automation");
    await page.getByRole("heading", { level: 1, name: s.page }).waitFor();
    await page.getByRole("button", { name: s.addWinBack }).click();
    await page.getByRole("link", { name: s.winBack }).click();

    const steps = page.getByRole("group");
    const step = (n: number, kind: string) => page.getByRole("group", { name: s.step(digits(String(n)), kind), exact: true });
    await step(2, s.wait).waitFor();
    expect(await steps.count()).toBeGreaterThanOrEqual(4);

    // A problem shows at its step and field: the first message without its English text.
    const firstText = step(1, s.send).getByRole("textbox", { name: s.textEn });
    await firstText.fill("");
    await page.getByRole("button", { name: s.saveDraft }).click();
    await eventually("the emptied English text's aria-invalid", () => firstText.getAttribute("aria-invalid")).toBe("true");
    await firstText.fill("{firstName}, we miss you at {shopName}! 20% off this week.");

    // By keyboard: step 3 moves down (the focus follows it) and back up.
    await step(3, s.businessDay).getByRole("button", { name: s.moveDown(digits("3")) }).focus();
    await page.keyboard.press("Enter");
    await step(4, s.businessDay).waitFor();
    await eventually("the focused button after moving step 3 to the end", () => page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null")).toBe(s.moveUp(digits("4")));
    await page.keyboard.press("Enter");
    await step(3, s.businessDay).waitFor();
    await step(4, s.send).waitFor();

    // A time of day is shown in the reader's digits too.
    await eventually("the business day's time", () => step(3, s.businessDay).getByRole("textbox", { name: s.at, exact: true }).inputValue()).toBe(digits("10:00"));

    // The wait of three days becomes two, typed in the reader's digits; publish.
    const days = step(2, s.wait).getByRole("textbox", { name: s.days, exact: true });
    await eventually("the template's wait", () => days.inputValue()).toBe(digits("3"));
    await days.fill(digits("2"));
    // The goal above the steps: an order within ten days instead of fourteen.
    const goalDays = page.getByRole("textbox", { name: s.goalDays, exact: true });
    await eventually("the template's goal", () => goalDays.inputValue()).toBe(digits("14"));
    await goalDays.fill(digits("10"));
    await page.getByRole("button", { name: s.publish }).click();
    await page.getByRole("status").getByText(s.published).waitFor();
    // The status badge (a stage select above the steps has an option of the same word).
    await page.locator(".badge").getByText(s.active, { exact: true }).waitFor();
    const flows = (await api(visitor, "get", "/api/plugins/automation/flows")) as { items: Array<{ status: string; version: number; draft: { goal: unknown; steps: Array<Record<string, unknown>> } }> };
    expect(flows.items).toHaveLength(1);
    expect(flows.items[0]).toMatchObject({ status: "active", version: 1 });
    expect(flows.items[0]!.draft.steps.map((one) => one.type)).toEqual(["send", "wait", "wait_business_day", "send"]);
    expect(flows.items[0]!.draft.steps[1]).toMatchObject({ days: 2 });
    expect(flows.items[0]!.draft.goal).toEqual({ type: "order", withinDays: 10 });

    // A dry run on a customer found by mobile: the first step would send her the SMS.
    await page.getByRole("textbox", { name: s.dryRunCustomer }).fill(digits("09121230001"));
    await page.getByRole("button", { name: s.runDryRun }).click();
    const firstStep = page.getByRole("table", { name: s.dryRunTable("Sara") }).getByRole("row").nth(1).getByRole("cell").nth(2);
    await eventually("the dry run's first step", () => firstStep.textContent()).toMatch(s.firstStepSends);
    expect(await firstStep.textContent()).toContain("Sara");

    // The editor passes the WCAG A and AA rules (axe runs in a context that lets its script in).
    const checker = await browser.newContext({ baseURL: appOrigin(), bypassCSP: true, storageState: await visitor.context.storageState() });
    const checked = await checker.newPage();
    await checked.goto(page.url());
    await checked.getByRole("group", { name: s.step(digits("4"), s.send), exact: true }).waitFor();
    const violations = await axeViolations(checked);
    expect(violations, describeViolations(`the step editor in ${language}`, violations)).toEqual([]);
    await checker.close();

    // On a phone: the editor fits 390 px and 320 px.
    await page.setViewportSize({ width: 390, height: 844 });
    await step(2, s.wait).waitFor();
    await eventually("sideways scroll of the editor at 390 px", () => scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(screenshotsDir, `automation-editor-390-${language}.png`), fullPage: true, animations: "disabled", caret: "hide" });
    await page.setViewportSize({ width: 320, height: 700 });
    await eventually("sideways scroll of the editor at 320 px", () => scrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });

    // A campaign to a saved segment of two customers: its audience and cost before sending.
    const token = `WINTER-${language}-${Date.now()}`;
    await api(visitor, "post", "/api/segments", { name: `Everyone ${token}`, filter: {} });
    await page.goto("/plugins/automation");
    const composer = page.getByRole("form", { name: s.newCampaign });
    await composer.getByRole("textbox", { name: s.name, exact: true }).fill(token);
    await composer.getByRole("combobox", { name: s.segment }).selectOption({ label: `Everyone ${token}` });
    await composer.getByRole("textbox", { name: s.textFaField }).fill(`حراج زمستانه ${token}`);
    await composer.getByRole("textbox", { name: s.textEn }).fill(`Winter sale ${token}`);
    await composer.getByRole("button", { name: s.saveCampaign }).click();
    const saved = page.getByText(s.draftSaved).first();
    await eventually("the draft's audience", () => saved.textContent()).toContain(s.customers(digits("2")));
    await eventually("the draft's cost (two recipients, one part of 150 each)", () => saved.textContent()).toContain(digits("300"));

    // Sent now: the campaign's report counts both, and the message log lists them.
    await page.getByRole("button", { name: s.sendNow(token) }).click();
    await eventually("the campaign's sent count", async () => ((await api(visitor, "get", "/api/plugins/automation/campaigns")) as { items: Array<{ name: string; report: { sent: number } }> }).items.find((one) => one.name === token)?.report.sent).toBe(2);
    await page.reload();
    const campaigns = page.getByRole("table", { name: s.campaigns });
    await campaigns.getByRole("row").filter({ hasText: token }).getByText(s.sent, { exact: true }).waitFor();

    await page.goto("/settings/messaging");
    const log = page.getByRole("region", { name: w.messageLog });
    await eventually("the campaign's messages in the log", () => log.getByRole("listitem").filter({ hasText: token }).count()).toBe(2);
    await log.getByRole("listitem").filter({ hasText: token }).first().getByText(w.recorded, { exact: true }).waitFor();

    // From the customers list: two ticked customers become a list, and the composer opens with them as its audience.
    await page.goto("/customers");
    for (const name of ["Sara", "Omid"]) await page.getByRole("checkbox", { name: s.selectRow(name), exact: true }).check();
    await page.getByRole("combobox", { name: w.bulkAction }).selectOption({ label: s.sendAsCampaign });
    await page.getByRole("button", { name: s.continue, exact: true }).click();
    await page.getByText(s.chosen(digits("2"))).waitFor();
    expect(new URL(page.url()).pathname).toBe("/plugins/automation");
    const chosenComposer = page.getByRole("form", { name: s.newCampaign });
    await chosenComposer.getByRole("textbox", { name: s.name, exact: true }).waitFor();
    expect(await chosenComposer.getByRole("combobox", { name: s.segment }).count()).toBe(0);

    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
