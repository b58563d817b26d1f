// Text in the other language says which it is: a Persian customer name in the English UI carries
// lang="fa" dir="rtl", an English e-mail in the Persian UI lang="en" dir="ltr", so a screen reader
// reads each in its own voice and the browser lays it out the right way round.
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { addCustomer, signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { eventually } from "./support/waiting";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The `lang` and `dir` of the innermost element whose text contains this. */
const marksOf = (holder: Locator, text: string) =>
  holder.evaluate((root, wanted) => {
    const all = [root, ...root.querySelectorAll("*")].filter((element) => element.textContent?.includes(wanted));
    const innermost = all.at(-1);
    return innermost ? { lang: innermost.getAttribute("lang"), dir: innermost.getAttribute("dir") } : null;
  }, text);

describe("text in the other language", () => {
  it("marks a Persian customer name in the English UI as Persian, right to left", async () => {
    const visitor = await newVisitor(browser);
    await signUpByApi(visitor, "en");
    const { id } = await addCustomer(visitor, { firstName: "نگار", lastName: "کریمی", mobile: "09121112233" });
    const name = "نگار کریمی";
    const { page } = visitor;

    await page.goto("/customers");
    const link = page.getByRole("row").getByRole("link", { name });
    await link.waitFor();
    await eventually("the name's marks in the customers list", () => marksOf(link, name)).toEqual({ lang: "fa", dir: "rtl" });

    await page.goto(`/customers/${id}`);
    const heading = page.getByRole("heading", { level: 1, name });
    await heading.waitFor();
    await eventually("the name's marks in the customer page's heading", () => marksOf(heading, name)).toEqual({ lang: "fa", dir: "rtl" });
    await visitor.context.close();
  });

  it("marks an English e-mail in the Persian UI as English, left to right", async () => {
    const visitor = await newVisitor(browser);
    await signUpByApi(visitor, "fa");
    const email = "negar.karimi@example.com";
    const { id } = await addCustomer(visitor, { firstName: "نگار", lastName: "کریمی", mobile: "09121112233", email });
    const { page } = visitor;

    await page.goto(`/customers/${id}`);
    await page.getByRole("heading", { level: 1, name: "نگار کریمی" }).waitFor();
    const main = page.getByRole("main");
    // Shown masked (n***@example.com) until revealed: the domain is there either way.
    await eventually("the e-mail's marks among the customer's identifiers", () => marksOf(main, "@example.com")).toEqual({ lang: "en", dir: "ltr" });
    // And the Persian name in the Persian UI needs no marks of its own: it is in the page's language.
    await eventually("the Persian name's marks in the Persian UI", () => marksOf(page.getByRole("heading", { level: 1 }), "نگار کریمی")).toEqual({ lang: null, dir: null });
    await visitor.context.close();
  });
});
