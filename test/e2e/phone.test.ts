// On a 360 px wide phone, in Persian and in English: the customer list and a customer's page fit
// the screen (no sideways page scroll), and the navigation is a drawer behind the menu button that
// slides in from the start side (right in Persian) and closes once a page is chosen. On a 390 px
// phone the customer list's filters sit behind a Filters button and applied filters are chips.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCustomer, newAccount, sameOrigin, signUpByApi } from "./support/accounts";
import { PHONE, launchBrowser, newVisitor, type Visitor } from "./support/browser";
import { hasFocus, tabTo } from "./support/keyboard";
import { eventually } from "./support/waiting";
import { LANGUAGES, words, type Language } from "./support/words";

/** A common phone of today (the 390 × 844), besides the narrower PHONE. */
const PHONE_390 = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** How far the page scrolls sideways (0 when everything fits the screen). */
const sidewaysScroll = (page: Page) => page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found).not.toBeNull();
  return found!;
}

/** A workspace with customers whose long names, e-mails and tags push the layout's limits. */
async function workspaceWithCustomers(visitor: Visitor, language: Language) {
  await signUpByApi(visitor, language);
  const customers = [
    { firstName: "عبدالرحیم", lastName: "خسروشاهی‌نژاد فراهانی", mobile: "۰۹۱۲ ۳۴۵ ۶۷۸۹", email: "abdolrahim.khosroshahi.farahani@example.com", city: "تهران", tags: ["مشتری وفادار", "عمده‌فروش", "نمایشگاه پاییز"] },
    { firstName: "Alexandra", lastName: "Montgomery-Featherstonehaugh", mobile: "+98 935 111 2233", email: "alexandra.montgomery-featherstonehaugh@example.org", city: "Shiraz", tags: ["VIP", "instagram"] },
  ];
  const created = [];
  for (const customer of customers) created.push(await addCustomer(visitor, customer));
  return created;
}

describe.each(LANGUAGES)("a phone (360 px; 390 px for the list's filters) in %s", (language) => {
  const w = words[language];

  it("shows the customer list and a customer's page without sideways scrolling", async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE, phone: true });
    const { page } = visitor;
    const [first] = await workspaceWithCustomers(visitor, language);

    await page.goto("/customers");
    await page.getByRole("row").nth(2).waitFor();
    await eventually("how far the customer list scrolls sideways", () => sidewaysScroll(page)).toBe(0);

    await page.goto(`/customers/${first!.id}`);
    await page.getByRole("region", { name: w.identifiers }).waitFor();
    await page.getByRole("region", { name: w.timeline }).waitFor();
    await eventually("how far the customer's page scrolls sideways", () => sidewaysScroll(page)).toBe(0);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it(`opens the navigation as a drawer from the ${language === "fa" ? "right" : "left"}, which Escape closes and which closes once a page is chosen`, async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE, phone: true });
    const { page } = visitor;
    await signUpByApi(visitor, language);
    await page.goto("/");

    const navigation = page.getByRole("navigation", { name: w.navigation });
    const menu = page.getByRole("button", { name: w.menu });
    const expanded = () => menu.getAttribute("aria-expanded");
    await menu.waitFor();
    await eventually("the menu button's aria-expanded on arrival", expanded).toBe("false");
    // Closed: hidden, so neither the eye, Tab nor a screen reader reaches its links.
    await eventually("navigation landmarks while the drawer is closed", () => navigation.count()).toBe(0);
    await page.keyboard.press("Tab"); // the skip link
    await page.keyboard.press("Tab");
    await eventually("whether focus, after two Tabs, is outside the closed drawer", () => page.evaluate<boolean>("document.activeElement?.closest(\"nav\") === null")).toBe(true);

    await menu.click();
    await eventually("the menu button's aria-expanded once clicked", expanded).toBe("true");
    // Open: on the screen, against its start edge, over part of the page.
    await eventually("the open drawer's start edge and width", async () => {
      const open = await box(navigation);
      return { startEdge: Math.round(language === "fa" ? open.x + open.width : open.x), narrowerThanScreen: open.width < PHONE.width };
    }).toEqual({ startEdge: language === "fa" ? PHONE.width : 0, narrowerThanScreen: true });

    await page.keyboard.press("Escape");
    await eventually("navigation landmarks after Escape", () => navigation.count()).toBe(0);
    await eventually("the menu button's aria-expanded after Escape", expanded).toBe("false");
    await menu.click();
    await navigation.waitFor();

    await navigation.getByRole("link", { name: w.tasks, exact: true }).click();
    await eventually("the address after choosing Tasks", () => new URL(page.url()).pathname).toBe("/tasks");
    // The address changes before the drawer re-renders closed: wait for that too.
    await eventually("the menu button's aria-expanded after choosing a page", expanded).toBe("false");
    await eventually("navigation landmarks after choosing a page", () => navigation.count()).toBe(0);
    await eventually("how far the tasks page scrolls sideways", () => sidewaysScroll(page)).toBe(0);
    await visitor.context.close();
  });

  it("keeps the list's filters behind a Filters button, shows a stage filter as a chip, and the chip removed by keyboard brings the whole list back", async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE_390, phone: true });
    const { page } = visitor;
    const [buyer] = await workspaceWithCustomers(visitor, language);
    // One order makes its customer "new"; the other stays a prospect.
    const order = await visitor.context.request.post("/api/orders", { data: { customerId: buyer!.id, total: 150_000 }, headers: sameOrigin() });
    expect(order.status(), await order.text()).toBe(201);

    await page.goto("/customers");
    const rows = page.getByRole("row");
    await rows.nth(2).waitFor();
    const filters = page.getByRole("button", { name: w.filters, exact: true });
    const stage = page.getByRole("combobox", { name: w.stage, exact: true });
    const chip = page.getByRole("button", { name: w.removeStageNew, exact: true });
    const stageInAddress = () => new URL(page.url()).searchParams.get("stage");

    // Rows first: the filters are closed until asked for.
    await eventually("the Filters button's aria-expanded on arrival", () => filters.getAttribute("aria-expanded")).toBe("false");
    await eventually("stage filters shown before Filters is opened", () => stage.count()).toBe(0);
    await filters.click();
    await eventually("the Filters button's aria-expanded once clicked", () => filters.getAttribute("aria-expanded")).toBe("true");
    await stage.selectOption("new");

    await chip.waitFor();
    await eventually("the customer rows with the stage filter (and the header row)", () => rows.count()).toBe(2);
    await eventually("the stage in the address", stageInAddress).toBe("new");
    await page.setViewportSize({ width: 320, height: 640 });
    await eventually("how far the filtered list with its filters open scrolls sideways at 320 px", () => sidewaysScroll(page)).toBe(0);
    await page.setViewportSize(PHONE_390);

    await tabTo(page, chip);
    await page.keyboard.press("Enter");
    await eventually("the stage chips after removing it", () => chip.count()).toBe(0);
    await eventually("the customer rows once the chip is gone (and the header row)", () => rows.count()).toBe(3);
    await eventually("the stage in the address once the chip is gone", stageInAddress).toBe(null);
    await eventually("the stage filter's choice once the chip is gone", () => stage.inputValue()).toBe("");
    // With no chip left, focus goes back to the Filters button rather than the top of the page.
    await eventually("whether the Filters button has focus after the last chip went", () => hasFocus(filters)).toBe(true);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});

/** Words of the element's text that the layout splits over two lines (none when every word is whole). */
const splitWords = (element: Locator) =>
  // Runs in the page; this project loads no DOM types, hence `any`.
  element.evaluate((root: any): string[] => {
    const split: string[] = [];
    const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
    const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/\S+/g)) {
        const range = root.ownerDocument.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect: { top: number }) => Math.round(rect.top)));
        if (lines.size > 1) split.push(match[0]);
      }
    }
    return split;
  });

describe.each(LANGUAGES)("a long shop name in the top bar, in %s", (language) => {
  it("has a row of its own under the tools on a phone and at 200 % zoom, whole words, with the task bell in view", async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE_390, phone: true });
    const { page } = visitor;
    const account = {
      ...newAccount(language),
      workspaceName: language === "fa" ? "فروشگاه بزرگ لوازم آشپزخانه و خانگی خانوادهٔ محمدی‌نژاد" : "The Mohammadinejad Family's Kitchenware and Household Appliances Emporium",
    };
    await signUpByApi(visitor, language, account);
    await page.goto("/customers");
    const name = page.locator(".topbar__workspace");
    await name.getByText(account.workspaceName, { exact: true }).waitFor();
    const bell = page.locator("header a.task-bell");
    await bell.waitFor();
    // 1280 px at 200 % page zoom lays out 640 CSS px; text-only zoom keeps 1280 px with text twice
    // as large, where the name stays beside the tools.
    const sizes: Array<[string, { width: number; height: number }, boolean]> = [
      ["390 px", PHONE_390, false],
      ["320 px", { width: 320, height: 640 }, false],
      ["200 % page zoom (640 px)", { width: 640, height: 400 }, false],
      ["1280 px at 200 % text", { width: 1280, height: 800 }, true],
    ];
    for (const [label, viewport, doubled] of sizes) {
      await page.setViewportSize(viewport);
      if (doubled) await page.evaluate("document.documentElement.style.fontSize = parseFloat(getComputedStyle(document.documentElement).fontSize) * 2 + 'px'");
      await eventually(`words of the shop's name split over two lines at ${label}`, () => splitWords(name)).toEqual([]);
      if (viewport.width <= 820) {
        await eventually(`whether the shop's name starts below the task bell at ${label}`, async () => (await box(name)).y >= (await box(bell)).y + (await box(bell)).height - 1).toBe(true);
      }
      const bellBox = await box(bell);
      expect(bellBox.x, `the bell's left edge at ${label}`).toBeGreaterThanOrEqual(0);
      expect(bellBox.x + bellBox.width, `the bell's right edge at ${label}`).toBeLessThanOrEqual(viewport.width);
      await eventually(`how far the page scrolls sideways at ${label}`, () => sidewaysScroll(page)).toBe(0);
    }
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
