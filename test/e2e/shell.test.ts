// Signing up, the signed-in frame around every page, the language switch and the reading
// direction, in Persian and in English.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sameOrigin, signUpByApi, signUpInBrowser } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { eventually } from "./support/waiting";
import { LANGUAGES, words, type Language } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The bell's accessible name for a count, as the top bar says it. */
const tasksDue = (language: Language, count: number) =>
  language === "fa" ? `${String(count).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!)} کار سررسیده` : `${count} tasks due`;

const documentLanguage = (page: Page) => page.evaluate<[string, string]>("[document.documentElement.lang, document.documentElement.dir]");
const pathname = (page: Page) => new URL(page.url()).pathname;

/**
 * Where the navigation landmark sits: "right" when it is wholly right of the main content and
 * against the screen's right edge, "left" for the mirror image, otherwise what was measured.
 */
async function navigationSide(page: Page, language: Language): Promise<string> {
  const navigation = await page.getByRole("navigation", { name: words[language].navigation }).boundingBox();
  const main = await page.getByRole("main").boundingBox();
  if (!navigation || !main) return `not both on screen (navigation ${JSON.stringify(navigation)}, main ${JSON.stringify(main)})`;
  const viewportWidth = page.viewportSize()!.width;
  const navigationEnd = navigation.x + navigation.width;
  if (navigation.x >= main.x + main.width - 1 && Math.abs(navigationEnd - viewportWidth) < 5) return "right";
  if (navigationEnd <= main.x + 1 && Math.abs(navigation.x) < 5) return "left";
  return `navigation at x ${navigation.x}–${navigationEnd}, main at x ${main.x}–${main.x + main.width}, screen ${viewportWidth} wide`;
}

describe.each(LANGUAGES)("the shell in %s", (language) => {
  const w = words[language];
  const other: Language = language === "fa" ? "en" : "fa";

  it("signs up a new workspace through the sign-up page and lands on the dashboard, signed in", async () => {
    const visitor = await newVisitor(browser);
    const account = await signUpInBrowser(visitor, language);
    const { page } = visitor;
    await eventually("the address after signing up", () => pathname(page)).toBe("/");
    await eventually("the document's language and direction", () => documentLanguage(page)).toEqual([language, language === "fa" ? "rtl" : "ltr"]);
    await page.getByText(account.workspaceName, { exact: true }).waitFor();
    const navigation = page.getByRole("navigation", { name: w.navigation });
    for (const name of [w.dashboard, w.customers, w.tasks, w.settings]) await navigation.getByRole("link", { name, exact: true }).waitFor();
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it(`puts the navigation on the ${language === "fa" ? "right" : "left"} of the content`, async () => {
    const visitor = await newVisitor(browser);
    await signUpByApi(visitor, language);
    await visitor.page.goto("/");
    await eventually("the side the navigation is on", () => navigationSide(visitor.page, language)).toBe(language === "fa" ? "right" : "left");
    await visitor.context.close();
  });

  it(`switches to ${other === "fa" ? "Persian" : "English"} at once and remembers it for the user`, async () => {
    const visitor = await newVisitor(browser);
    const account = await signUpByApi(visitor, language);
    const { page } = visitor;
    await page.goto("/");
    await page.getByRole("navigation", { name: w.navigation }).waitFor();

    // The choice is saved to the user's profile as it is made.
    const saved = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/auth/me" && response.request().method() === "PATCH");
    await page.getByRole("button", { name: w.switchLanguage }).click();
    await page.getByRole("navigation", { name: words[other].navigation }).waitFor();
    expect((await saved).status()).toBe(200);
    await eventually("the document's language and direction after the switch", () => documentLanguage(page)).toEqual([other, other === "fa" ? "rtl" : "ltr"]);
    await eventually("the side the navigation is on after the switch", () => navigationSide(page, other)).toBe(other === "fa" ? "right" : "left");

    // Another browser, signing in afresh, gets the chosen language from the user's profile.
    const elsewhere = await newVisitor(browser);
    await elsewhere.page.goto("/login");
    const signInWords = words.fa; // a browser that never chose a language starts in Persian
    await elsewhere.page.getByLabel(signInWords.email).fill(account.email);
    await elsewhere.page.getByLabel(signInWords.password).fill(account.password);
    await elsewhere.page.getByRole("button", { name: signInWords.signIn }).click();
    await elsewhere.page.getByRole("navigation", { name: words[other].navigation }).waitFor();
    await eventually("the document's language and direction in the other browser", () => documentLanguage(elsewhere.page)).toEqual([other, other === "fa" ? "rtl" : "ltr"]);
    await elsewhere.context.close();
    await visitor.context.close();
  });

  it("signs out to the sign-in page, and a page of the app then asks to sign in first", async () => {
    const visitor = await newVisitor(browser);
    await signUpByApi(visitor, language);
    const { page } = visitor;
    await page.goto("/");
    await page.getByRole("button", { name: w.signOut }).click();
    await page.getByRole("heading", { name: w.loginTitle }).waitFor();
    await eventually("the address after signing out", () => pathname(page)).toBe("/login");
    await page.goto("/tasks");
    await page.getByRole("heading", { name: w.loginTitle }).waitFor();
    await eventually("the address a signed-out visitor of /tasks lands on", () => new URL(page.url()).search).toBe(`?next=${encodeURIComponent("/tasks")}`);
    await visitor.context.close();
  });

  it("rings the bell with my overdue and due-today tasks, opens my tasks from it, and counts again after a change", async () => {
    const visitor = await newVisitor(browser);
    await signUpByApi(visitor, language);
    const { page, context } = visitor;
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    for (const [title, dueAt] of [["Call back Mrs. Ahmadi", hoursAgo(2)], ["Send the invoice", hoursAgo(30)], ["Confirm the address", hoursAgo(1)]]) {
      expect((await context.request.post("/api/tasks", { data: { title, dueAt }, headers: sameOrigin() })).status()).toBe(201);
    }
    await page.goto("/");
    const banner = page.getByRole("banner");
    await banner.getByRole("link", { name: tasksDue(language, 3) }).click();
    await eventually("the address the bell opens", () => page.url()).toMatch(/\/tasks$/);
    // Due dates in the reader's calendar: Jalali with Persian digits in Persian, Gregorian in English.
    const invoiceDay = new Intl.DateTimeFormat(language === "fa" ? "fa-IR-u-ca-persian" : "en-GB", { timeZone: "Asia/Tehran", year: "numeric", month: "short", day: "numeric" }).format(
      Date.now() - 30 * 3_600_000,
    );
    await eventually("the invoice task's row", () => page.getByRole("listitem").filter({ hasText: "Send the invoice" }).textContent()).toContain(invoiceDay);
    const saved = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith("/api/tasks/tsk") && response.request().method() === "PATCH");
    await page.getByRole("checkbox", { name: "Send the invoice" }).check();
    expect((await saved).status()).toBe(200);
    // The count is read again when the reader moves on.
    await page.getByRole("navigation", { name: w.navigation }).getByRole("link", { name: w.customers, exact: true }).click();
    await banner.getByRole("link", { name: tasksDue(language, 2) }).waitFor();
    await visitor.context.close();
  });
});
