// The top-bar search: "/" or Ctrl+K from any page, a Persian spelling variant finds the customer,
// arrow keys and Enter open it, the empty box shows it as recent, and a mobile nobody has offers
// to create a customer with that number.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCustomer, signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { hasFocus } from "./support/keyboard";
import { eventually } from "./support/waiting";
import { LANGUAGES, words } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(LANGUAGES)("the top-bar search in %s", (language) => {
  const w = words[language];

  it("finds a customer from any page by keyboard, remembers it, and offers to create one for an unknown mobile", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, language);
    const { id } = await addCustomer(visitor, { firstName: "مریم", lastName: "رضائی", mobile: "09127654321" });
    await addCustomer(visitor, { firstName: "مریم", lastName: "احمدی", mobile: "09127650000" });

    await page.goto("/tasks");
    await page.getByRole("navigation", { name: w.navigation }).waitFor();
    await page.keyboard.press("/");
    const dialog = page.getByRole("dialog", { name: w.searchTitle });
    const box = dialog.getByRole("combobox", { name: w.searchBox });
    await eventually("focus in the search box after /", () => hasFocus(box)).toBe(true);
    await page.keyboard.type("رضایی");
    const option = dialog.getByRole("option", { name: /رضائی/ });
    await option.waitFor();
    await eventually("the mobile as Iranians write it, in the reader's digits", () => option.locator(".palette__detail").textContent()).toBe(language === "fa" ? "۰۹۱۲ ۷۶۵ ۴۳۲۱" : "0912 765 4321");
    await eventually("the active result", () => option.getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter");
    await eventually("the address after Enter", () => new URL(page.url()).pathname).toBe(`/customers/${id}`);
    await dialog.waitFor({ state: "hidden" });

    // Ctrl+K from the customer page: the empty box lists it under Recent; ↓ and ↑ move the choice.
    await page.keyboard.press("Control+k");
    await eventually("focus in the search box after Ctrl+K", () => hasFocus(box)).toBe(true);
    const recent = dialog.getByRole("group", { name: w.recent });
    await recent.getByRole("option", { name: /رضائی/ }).waitFor();
    await page.keyboard.type("مریم");
    const maryams = dialog.getByRole("group", { name: w.customers }).getByRole("option");
    await eventually("customers named مریم", () => maryams.count()).toBe(2);
    const activeId = () => box.getAttribute("aria-activedescendant");
    await eventually("an active result", activeId).not.toBeNull();
    const first = await activeId(); // settled by the wait above
    await page.keyboard.press("ArrowDown");
    await eventually("the active result after ↓", activeId).not.toBe(first);
    await page.keyboard.press("ArrowUp");
    await eventually("the active result after ↑", activeId).toBe(first);

    // A whole mobile that no customer has.
    await box.fill("");
    await page.keyboard.type("۰۹۳۵۱۱۱۲۲۳۳");
    const create = dialog.getByRole("option", { name: new RegExp(w.createWithNumber) });
    await create.waitFor();
    await page.keyboard.press("Enter");
    await eventually("the address after choosing create", () => new URL(page.url()).pathname).toBe("/customers/new");
    await eventually("the mobile field", () => page.getByRole("main").locator("input[name=mobile]").inputValue()).toBe("۰۹۳۵۱۱۱۲۲۳۳");
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
