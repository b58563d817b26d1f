// Contacting a customer from their page, in Persian and in English: the call button reveals the
// number for that one call (written as Iranians write it, in the reader's digits) and audits it
// once; on a 390 × 844 phone the contact bar is on screen without scrolling.
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
  fa: { bar: "تماس", call: "تماس", dial: "تماس با ", number: "۰۹۱۲ ۱۲۳ ۴۵۶۷" },
  en: { bar: "Contact", call: "Call", dial: "Call ", number: "0912 123 4567" },
};

describe.each(LANGUAGES)("the contact bar in %s", (language) => {
  const w = WORDS[language];

  it("calls from the customer page on a phone: the bar in view, the number revealed for the call and audited once", async () => {
    const visitor = await newVisitor(browser, { viewport: { width: 390, height: 844 }, phone: true });
    const { page, context } = visitor;
    await signUpByApi(visitor, language);
    const customer = await addCustomer(visitor, { firstName: language === "fa" ? "نگار" : "Negar", lastName: language === "fa" ? "کریمی" : "Karimi", mobile: "09121234567" });
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
    await eventually("uncaught errors and CSP violations", () => visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
