// Contacting a customer from their page, in Persian and in English: the call button reveals the
// number for that one call (written as Iranians write it, in the reader's digits) and audits it
// once; on a 390 × 844 phone the contact bar is on screen without scrolling. The same visit reads
// a custom attribute by its label and logs the call (outcome, follow-up task) from the dialog.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCustomer, sameOrigin, signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { eventually } from "./support/waiting";
import { LANGUAGES } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WORDS = {
  fa: {
    bar: "تماس", call: "تماس", dial: "تماس با ", number: "۰۹۱۲ ۱۲۳ ۴۵۶۷",
    logCall: "ثبت تماس", outcome: "نتیجه", noAnswer: "پاسخ نداد", followUp: "ایجاد کار پیگیری", taskTitle: "عنوان کار", save: "ذخیرهٔ تماس", task: "کار: ", summary: "خلاصهٔ گفت‌وگو",
    attributeLabel: "سایز کفش", attributeValue: "۳۸",
  },
  en: {
    bar: "Contact", call: "Call", dial: "Call ", number: "0912 123 4567",
    logCall: "Log a call", outcome: "Outcome", noAnswer: "No answer", followUp: "Create a follow-up task", taskTitle: "Task title", save: "Save call", task: "Task: ", summary: "What was said",
    attributeLabel: "Shoe size", attributeValue: "38",
  },
};

describe.each(LANGUAGES)("the contact bar in %s", (language) => {
  const w = WORDS[language];

  it("calls from the customer page on a phone: the bar in view, the number revealed for the call and audited once, the call logged with its outcome and follow-up", async () => {
    const visitor = await newVisitor(browser, { viewport: { width: 390, height: 844 }, phone: true });
    const { page, context } = visitor;
    await signUpByApi(visitor, language);
    const defined = await context.request.post("/api/attribute-definitions", {
      data: { key: "shoe_size", labelFa: "سایز کفش", labelEn: "Shoe size", type: "number" },
      headers: sameOrigin(),
    });
    expect(defined.status()).toBe(201);
    const customer = await addCustomer(visitor, {
      firstName: language === "fa" ? "نگار" : "Negar",
      lastName: language === "fa" ? "کریمی" : "Karimi",
      mobile: "09121234567",
      attributes: { shoe_size: 38 },
    });
    await page.goto(`/customers/${customer.id}`);

    const bar = page.getByRole("region", { name: w.bar, exact: true });
    const call = bar.getByRole("button", { name: w.call, exact: true });
    await call.waitFor();
    // In view at 390 × 844 with the page scrolled to its top: the whole bar inside the viewport.
    await eventually("the contact bar's box", async () => {
      const box = await bar.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390;
    }).toBe(true);
    // Read once: the box wait above has settled the page's layout.
    expect(await page.evaluate("window.scrollY")).toBe(0);
    // The masked number is nowhere on the bar until the call is asked for.
    expect(await bar.textContent()).not.toContain(w.number);

    await call.click();
    const dial = bar.getByRole("link", { name: `${w.dial}${w.number}` });
    await dial.waitFor();
    expect(await dial.getAttribute("href")).toBe("tel:+989121234567");

    const audit = async () => {
      const response = await context.request.get(`/api/audit?action=customer.pii_revealed`, { headers: sameOrigin() });
      const body = (await response.json()) as { items: Array<{ action: string; details: { for?: string } | null }> };
      return body.items.filter((entry) => entry.details?.for === "call").length;
    };
    await eventually("audit entries for the call", audit).toBe(1);

    // The custom attribute shows by its label in the reader's language, its value in their digits.
    const details = page.getByRole("region", { name: language === "fa" ? "جزئیات بیشتر" : "More details" });
    await eventually("the attribute's label and value", async () => (await details.textContent()) ?? "").toContain(`${w.attributeLabel}${w.attributeValue}`);

    // Then the call is logged as a call centre would: the outcome first (it has the focus), and a follow-up.
    await page.getByRole("button", { name: w.logCall, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: w.logCall });
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('name')")).toBe("outcome");
    await dialog.getByLabel(w.outcome).selectOption({ label: w.noAnswer });
    await dialog.getByLabel(w.summary).fill(language === "fa" ? "گوشی را برنداشت" : "Did not pick up");
    await dialog.getByLabel(w.followUp).check();
    await dialog.getByLabel(w.taskTitle).fill(language === "fa" ? "تماس دوباره" : "Call again");
    await dialog.getByRole("button", { name: w.save }).click();
    await dialog.waitFor({ state: "hidden" });
    const timeline = page.locator(".timeline");
    await eventually("the call and its follow-up on the timeline", async () => (await timeline.textContent()) ?? "").toContain(w.noAnswer);
    await eventually("the follow-up task on the timeline", async () => (await timeline.textContent()) ?? "").toContain(`${w.task}${language === "fa" ? "تماس دوباره" : "Call again"}`);
    await eventually("uncaught errors and CSP violations", () => visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
