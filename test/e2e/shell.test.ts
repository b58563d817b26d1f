// Signing up, the signed-in frame around every page, the language switch and the reading
// direction, in Persian and in English.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpByApi, signUpInBrowser } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { LANGUAGES, words, type Language } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const documentLanguage = (page: Page) => page.evaluate<[string, string]>("[document.documentElement.lang, document.documentElement.dir]");

/** The navigation landmark and the main content, as laid out on screen. */
async function layout(page: Page, language: Language) {
  const navigation = await page.getByRole("navigation", { name: words[language].navigation }).boundingBox();
  const main = await page.getByRole("main").boundingBox();
  expect(navigation).not.toBeNull();
  expect(main).not.toBeNull();
  return { navigation: navigation!, main: main! };
}

describe.each(LANGUAGES)("the shell in %s", (language) => {
  const w = words[language];
  const other: Language = language === "fa" ? "en" : "fa";

  it("signs up a new workspace through the sign-up page and lands on the dashboard, signed in", async () => {
    const visitor = await newVisitor(browser);
    const account = await signUpInBrowser(visitor, language);
    const { page } = visitor;
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await documentLanguage(page)).toEqual([language, language === "fa" ? "rtl" : "ltr"]);
    await expect.poll(() => page.getByText(account.workspaceName, { exact: true }).isVisible()).toBe(true);
    const navigation = page.getByRole("navigation", { name: w.navigation });
    for (const name of [w.dashboard, w.customers, w.tasks, w.settings]) expect(await navigation.getByRole("link", { name, exact: true }).isVisible()).toBe(true);
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it(`puts the navigation on the ${language === "fa" ? "right" : "left"} of the content`, async () => {
    const visitor = await newVisitor(browser);
    await signUpByApi(visitor, language);
    await visitor.page.goto("/");
    const { navigation, main } = await layout(visitor.page, language);
    const viewportWidth = visitor.page.viewportSize()!.width;
    if (language === "fa") {
      expect(navigation.x).toBeGreaterThanOrEqual(main.x + main.width - 1);
      expect(navigation.x + navigation.width).toBeCloseTo(viewportWidth, -1);
    } else {
      expect(navigation.x + navigation.width).toBeLessThanOrEqual(main.x + 1);
      expect(navigation.x).toBeCloseTo(0, -1);
    }
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
    expect(await documentLanguage(page)).toEqual([other, other === "fa" ? "rtl" : "ltr"]);
    const { navigation, main } = await layout(page, other);
    if (other === "fa") expect(navigation.x).toBeGreaterThan(main.x);
    else expect(navigation.x).toBeLessThan(main.x);

    // Another browser, signing in afresh, gets the chosen language from the user's profile.
    const elsewhere = await newVisitor(browser);
    await elsewhere.page.goto("/login");
    const signInWords = words.fa; // a browser that never chose a language starts in Persian
    await elsewhere.page.getByLabel(signInWords.email).fill(account.email);
    await elsewhere.page.getByLabel(signInWords.password).fill(account.password);
    await elsewhere.page.getByRole("button", { name: signInWords.signIn }).click();
    await elsewhere.page.getByRole("navigation", { name: words[other].navigation }).waitFor();
    expect(await documentLanguage(elsewhere.page)).toEqual([other, other === "fa" ? "rtl" : "ltr"]);
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
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.goto("/tasks");
    await page.getByRole("heading", { name: w.loginTitle }).waitFor();
    expect(new URL(page.url()).search).toBe(`?next=${encodeURIComponent("/tasks")}`);
    await visitor.context.close();
  });
});
