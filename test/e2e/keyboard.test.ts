// Keyboard only: the journeys a clerk does all day (sign in, find a customer, log a call, create a
// task, run an import, enable a plugin) with Tab, Shift+Tab, Enter, Space and Escape; every kind of
// dialog takes focus, keeps it, closes on Escape and gives focus back to what opened it; the
// phone's navigation drawer does the same; the skip link leads to the page's content.
import type { Browser, FileChooser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, addCustomer, newAccount, sameOrigin, signUpByApi } from "./support/accounts";
import { PHONE, launchBrowser, newVisitor, type Visitor } from "./support/browser";
import { focusIsVisible, focused, hasFocus, tabStop, tabTo, type TabStop } from "./support/keyboard";
import { sweepWorkspace } from "./support/sweep-workspace";
import { LANGUAGES, words } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether focus is inside the element now. */
const focusInside = (container: Locator) => container.evaluate((element) => element.contains(element.ownerDocument.activeElement));

/** Tab, then Shift+Tab, round a dialog more times than it has controls: focus never leaves it. */
async function expectFocusTrapped(page: Page, dialog: Locator) {
  const stops = await dialog.locator("button, input, select, textarea, a[href]").count();
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let press = 1; press <= stops + 2; press++) {
      await page.keyboard.press(key);
      expect(await focusInside(dialog), `after ${press} × ${key} focus is on ${await focused(page)}`).toBe(true);
    }
  }
}

describe.each(LANGUAGES)("keyboard only, in %s", (language) => {
  const w = words[language];

  // The whole day's journey from the sign-in page, in English (which it switches to by keyboard);
  // in Persian the shorter journey below and the customer journey cover the same pages.
  it.runIf(language === "en")("signs in, finds a customer, logs a call and creates a task", async () => {
    const owner = newAccount(language);
    const setup = await newVisitor(browser);
    await signUpByApi(setup, language, owner);
    const customer = { firstName: "Negar", lastName: "Karimi", mobile: "09121112233" };
    const { id } = await addCustomer(setup, customer);
    await setup.context.close();

    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await page.goto("/login");
    await tabTo(page, page.getByRole("button", { name: words.fa.switchLanguage }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByLabel(w.email));
    await page.keyboard.type(owner.email);
    await page.keyboard.press("Tab");
    expect(await hasFocus(page.getByLabel(w.password))).toBe(true);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    const navigation = page.getByRole("navigation", { name: w.navigation });
    await navigation.waitFor();

    // Find the customer: the Customers link, the search box, the row's link.
    await tabTo(page, navigation.getByRole("link", { name: w.customers, exact: true }));
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press("Enter");
    const search = page.getByRole("searchbox", { name: w.searchCustomers });
    await tabTo(page, search);
    await page.keyboard.type("09121112233");
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    const fullName = `${customer.firstName} ${customer.lastName}`;
    await tabTo(page, page.getByRole("row").getByRole("link", { name: fullName }));
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/customers/${id}`);

    // Log a call: the dialog opens with focus inside, the call is saved, focus returns.
    const logCall = page.getByRole("button", { name: w.logCall });
    await tabTo(page, logCall);
    await page.keyboard.press("Enter");
    const callDialog = page.getByRole("dialog", { name: w.logCall });
    await callDialog.waitFor();
    await expect.poll(() => focusInside(callDialog)).toBe(true);
    await tabTo(page, callDialog.getByLabel(w.callSummary));
    const said = "Asked about the delivery";
    await page.keyboard.type(said);
    await tabTo(page, callDialog.getByRole("button", { name: w.saveCall }));
    await page.keyboard.press("Enter");
    await expect.poll(() => callDialog.count()).toBe(0);
    await page.getByRole("region", { name: w.timeline }).getByText(said).waitFor();

    // Create a task from the same page.
    await tabTo(page, page.getByRole("button", { name: w.createTask }), { backwards: true });
    await page.keyboard.press("Enter");
    const taskDialog = page.getByRole("dialog", { name: w.createTask });
    await taskDialog.waitFor();
    await tabTo(page, taskDialog.getByRole("textbox", { name: w.taskTitle, exact: true }));
    const task = "Send the invoice";
    await page.keyboard.type(task);
    await tabTo(page, taskDialog.getByRole("button", { name: w.saveTask }));
    await page.keyboard.press("Enter");
    await expect.poll(() => taskDialog.count()).toBe(0);
    await expect
      .poll(async () => ((await (await visitor.context.request.get(`/api/tasks?customerId=${id}`)).json()) as { items: Array<{ title: string }> }).items.map((item) => item.title))
      .toEqual([task]);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it("goes from the customers list to a logged call in at most 12 key presses: search by phone, open, log", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, language);
    const customer = { firstName: language === "fa" ? "مهسا" : "Mahsa", lastName: language === "fa" ? "نوری" : "Nouri", mobile: "09125556677" };
    const { id } = await addCustomer(visitor, customer);
    await addCustomer(visitor, { firstName: language === "fa" ? "کاوه" : "Kaveh", mobile: "09125550000" });
    await page.goto("/customers");
    await page.getByRole("row").getByRole("link", { name: `${customer.firstName} ${customer.lastName}` }).waitFor();

    // Every key pressed counts; only the phone number and the call's summary are typed as text.
    const pressed: string[] = [];
    const press = async (key: string) => {
      pressed.push(key);
      await page.keyboard.press(key);
    };
    await press("/");
    const search = page.getByRole("combobox", { name: w.searchBox });
    await expect.poll(() => hasFocus(search)).toBe(true);
    await page.keyboard.type("0912 555 6677");
    const match = page.getByRole("option", { name: `${customer.firstName} ${customer.lastName}` });
    await expect.poll(() => match.getAttribute("aria-selected")).toBe("true");
    await press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/customers/${id}`);
    await expect.poll(() => hasFocus(page.locator("main#main h1"))).toBe(true);
    await press("Tab");
    expect(await hasFocus(page.getByRole("button", { name: w.logCall }))).toBe(true);
    await press("Enter");
    const callDialog = page.getByRole("dialog", { name: w.logCall });
    await callDialog.waitFor();
    await expect.poll(() => focusInside(callDialog)).toBe(true);
    await press("Tab");
    expect(await hasFocus(callDialog.getByLabel(w.callSummary))).toBe(true);
    const said = language === "fa" ? "موجودی سایز ۳۸ را پرسید" : "Asked whether size 38 is in stock";
    await page.keyboard.type(said);
    await press("Control+Enter");
    await expect.poll(() => callDialog.count()).toBe(0);
    await page.getByRole("region", { name: w.timeline }).getByText(said).waitFor();
    expect(pressed.length, `keys pressed: ${pressed.join(", ")}`).toBeLessThanOrEqual(12);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it("moves between the customers list's rows with the up and down arrows, each code in the reader's digits", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, language);
    const names = language === "fa" ? ["آرش", "بهار", "پویا"] : ["Arash", "Bahar", "Pouya"];
    for (const [i, firstName] of names.entries()) await addCustomer(visitor, { firstName, mobile: `0912444000${i}` });
    await page.goto("/customers");
    // Newest first: the last added is the first row.
    const link = (name: string) => page.getByRole("row").getByRole("link", { name, exact: true });
    const [first, second, third] = [link(names[2]!), link(names[1]!), link(names[0]!)];
    await tabTo(page, first);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => hasFocus(second)).toBe(true);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => hasFocus(third)).toBe(true);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => hasFocus(third)).toBe(true);
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => hasFocus(second)).toBe(true);
    await page.keyboard.press("Home");
    await expect.poll(() => hasFocus(first)).toBe(true);
    // The customer's code reads the same in the list and on their page: Persian digits in Persian.
    const code = language === "fa" ? "C-۰۰۰۰۳" : "C-00003";
    await expect.poll(() => page.getByRole("row").filter({ has: page.getByRole("link", { name: names[2]!, exact: true }) }).locator(".customer-cell__code").innerText()).toBe(code);
    await page.keyboard.press("Enter");
    await expect.poll(() => hasFocus(page.locator("main#main h1", { hasText: names[2]! }))).toBe(true);
    await expect.poll(() => page.locator(".customer-page__subtitle bdi.ltr-value").innerText()).toBe(code);
    await visitor.context.close();
  });

  it("opens the phone's navigation drawer with focus in it, keeps focus there, and Escape returns focus to the menu button", async () => {
    const visitor = await newVisitor(browser, { viewport: PHONE, phone: true });
    const { page } = visitor;
    await signUpByApi(visitor, language);
    await page.goto("/");
    const menu = page.getByRole("button", { name: w.menu });
    await tabTo(page, menu);
    await page.keyboard.press("Enter");
    const navigation = page.getByRole("navigation", { name: w.navigation });
    await expect.poll(() => focusInside(navigation)).toBe(true);
    const links = await navigation.getByRole("link").count();
    for (let press = 0; press < links + 2; press++) {
      await page.keyboard.press("Tab");
      expect((await focusInside(navigation)) || (await hasFocus(menu)), `focus went to ${await focused(page)}`).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => navigation.count()).toBe(0);
    await expect.poll(() => hasFocus(menu)).toBe(true);
    await visitor.context.close();
  });

  it("has a skip link as the first stop that leads to the page's content", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, language);
    await page.goto("/tasks");
    await page.getByRole("navigation", { name: w.navigation }).waitFor();
    // The page (loaded on first use) has drawn something to tab to inside its content.
    await page.locator("main#main").locator("a[href], button, input, select, textarea").first().waitFor();
    await page.keyboard.press("Tab");
    const skip = page.locator("a.skip-link");
    expect(await hasFocus(skip)).toBe(true);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => hasFocus(page.locator("main#main"))).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focusInside(page.locator("main#main"))).toBe(true);
    await visitor.context.close();
  });

  it("moves focus to the new page's heading after choosing a page, so Tab goes on in its content", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, language);
    await page.goto("/tasks");
    const navigation = page.getByRole("navigation", { name: w.navigation });
    await navigation.waitFor();
    await tabTo(page, navigation.getByRole("link", { name: w.customers }));
    await page.keyboard.press("Enter");
    const heading = page.locator("main#main h1", { hasText: w.customers });
    await expect.poll(() => hasFocus(heading)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focusInside(page.locator("main#main"))).toBe(true);
    await visitor.context.close();
  });
});

describe("every kind of dialog, keyboard only", () => {
  let visitor: Visitor;
  let customerId: string;
  const w = words.en;

  beforeAll(async () => {
    visitor = await newVisitor(browser);
    await signUpByApi(visitor, "en");
    ({ id: customerId } = await addCustomer(visitor, { firstName: "Sara", lastName: "Ahmadi", mobile: "09121234567", email: "sara@example.com", city: "Tehran" }));
    // The same name in the same city: a duplicate pair to merge.
    await addCustomer(visitor, { firstName: "Sara", lastName: "Ahmadi", mobile: "09351234567", city: "Tehran" });
    const scopes = ["customers:read"];
    const key = await visitor.context.request.post("/api/api-keys", { data: { name: "Shop sync", scopes }, headers: sameOrigin() });
    expect(key.status(), await key.text()).toBe(201);
  });
  afterAll(async () => {
    await visitor?.context.close();
  });

  // Each dialog of the UI by what opens it: the page, and the button (by its visible name).
  const dialogs: Array<{ kind: string; path: () => string; opener: (page: Page) => Locator }> = [
    { kind: "a quick action (log a call)", path: () => `/customers/${customerId}`, opener: (page) => page.getByRole("button", { name: w.logCall }) },
    { kind: "erasing a customer", path: () => `/customers/${customerId}`, opener: (page) => page.locator("main .page-header").getByRole("button", { name: "Delete" }) },
    { kind: "removing an identifier", path: () => `/customers/${customerId}`, opener: (page) => page.getByRole("button", { name: /^Remove e-?mail/i }) },
    { kind: "saving a segment", path: () => "/customers?city=Tehran", opener: (page) => page.getByRole("button", { name: "Save as segment" }) },
    { kind: "merging duplicates", path: () => "/customers/duplicates", opener: (page) => page.getByRole("button", { name: "Merge" }).first() },
    { kind: "a confirmation (revoking an API key)", path: () => "/settings/api-keys", opener: (page) => page.getByRole("button", { name: "Revoke" }) },
  ];

  it.each(dialogs)("$kind: takes focus, keeps it, closes on Escape and returns focus to its opener", async ({ path, opener }) => {
    const { page } = visitor;
    await page.goto(path());
    const button = opener(page);
    await tabTo(page, button, { limit: 80 });
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await expect.poll(() => focusInside(dialog)).toBe(true);
    await expectFocusTrapped(page, dialog);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => hasFocus(button)).toBe(true);
    expect(visitor.problems).toEqual([]);
  });
});

describe("keyboard only, in English: running an import and enabling a plugin", () => {
  it("runs an import with the keyboard", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, "en");
    await page.goto("/import");
    await page.locator("main h1").waitFor();
    const file = page.getByLabel("CSV file");
    // Space on the focused file field opens the file chooser. The step may still be drawing when the
    // field is first reached (focus then falls back to the page), so reach it again until it opens.
    let chooser: FileChooser | null = null;
    for (let attempt = 1; chooser === null; attempt++) {
      await tabTo(page, file);
      const opened = page.waitForEvent("filechooser", { timeout: 15_000 }).catch(() => null);
      await page.keyboard.press("Space");
      chooser = await opened;
      expect(chooser !== null || attempt < 3, "Space on the focused CSV file field never opened the file chooser").toBe(true);
    }
    await chooser.setFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from("first_name,last_name,mobile\nNegar,Karimi,09121112233\n") });
    await tabTo(page, page.getByRole("button", { name: "Next" }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("button", { name: "Check the file" }));
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("button", { name: "Import 1 rows" });
    await tabTo(page, confirm);
    await page.keyboard.press("Enter");
    // The outcome is announced: it arrives in a live region.
    await page.getByRole("status").filter({ hasText: "Import finished" }).waitFor();
    await expect.poll(async () => ((await (await visitor.context.request.get("/api/customers")).json()) as { items: unknown[] }).items.length).toBe(1);
    await visitor.context.close();
  });

  it("enables a plugin with the keyboard", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, "en");
    await page.goto("/settings/plugins");
    const card = page.getByRole("region").filter({ has: page.getByRole("heading", { level: 2, name: words.en.loyalty }) });
    const enabled = card.getByRole("switch", { name: words.en.pluginEnabled });
    await tabTo(page, enabled);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press("Space");
    await expect.poll(async () => ((await (await visitor.context.request.get("/api/plugins")).json()) as { items: Array<{ id: string; enabled: boolean }> }).items.find((plugin) => plugin.id === "loyalty")?.enabled).toBe(true);
    await visitor.context.close();
  });
});

// In Persian only: the stops and their focus rings are the same markup and CSS in both languages
// (the language changes the words and the direction), and right to left is the harder case.
describe.each(["fa"] as const)("every Tab stop, in %s", (language) => {
  it("shows where focus is at each stop, and Shift+Tab walks the same stops back", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    const { customerId } = await sweepWorkspace(visitor.context, language);
    for (const path of ["/", "/customers", `/customers/${customerId}`, "/settings"]) {
      await page.goto(path);
      await page.locator("main h1").first().waitFor();
      // Parts of a page arrive after its heading (the dashboard's figures, its first-run
      // checklist): walk the stops once nothing is loading any more, or new ones appear mid-walk.
      await page.waitForLoadState("networkidle");
      // Tab moves focus while the key is handled, so each read after a press sees the new stop.
      const forward: TabStop[] = [];
      for (let press = 0; press < 200; press++) {
        await page.keyboard.press("Tab");
        const stop = await tabStop(page);
        if (!stop || forward.some((seen) => seen.stop === stop.stop)) break;
        forward.push(stop);
      }
      expect(forward.length, `Tab stops on ${path}`).toBeGreaterThan(3);
      const hidden = forward.filter((stop) => !stop.ringShows).map((stop) => stop.what);
      expect(hidden, `stops on ${path} (${language}) with no visible focus`).toEqual([]);

      // Back from the last stop to the first: the same stops, in reverse. Focus is now past the
      // last stop or wrapped round to the first; Shift+Tab from either comes to the last.
      const last = forward.at(-1)!.stop;
      for (let press = 0; press < 3 && (await tabStop(page))?.stop !== last; press++) await page.keyboard.press("Shift+Tab");
      const backward: number[] = [(await tabStop(page))?.stop ?? 0];
      while (backward.length < forward.length) {
        await page.keyboard.press("Shift+Tab");
        backward.push((await tabStop(page))?.stop ?? 0);
      }
      expect(backward, `Shift+Tab on ${path} (${language}), by stop number`).toEqual(forward.map((stop) => stop.stop).reverse());
    }
    await visitor.context.close();
  });
});
