// The Worker serves the UI as a single-page app: any path that is not a file (a deep link) gets
// the app, and every static response carries the security headers written in web/dist/_headers.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { entryScript, headerRules } from "./support/static-files";
import { eventually } from "./support/waiting";
import { words } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("deep links", () => {
  it("open the app on a customer's address, signed in", async () => {
    const visitor = await newVisitor(browser);
    await signUpByApi(visitor, "en");
    const response = await visitor.page.goto("/customers/xyz");
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toContain("text/html");
    await visitor.page.getByRole("navigation", { name: words.en.navigation }).waitFor();
    await eventually("the address once the app is open", () => new URL(visitor.page.url()).pathname).toBe("/customers/xyz");
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it("ask a signed-out visitor to sign in, then go where the link pointed", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    // Sign up in a throwaway context, then sign in here through the page.
    const other = await newVisitor(browser);
    const account = await signUpByApi(other, "fa");
    await other.context.close();

    await page.goto("/customers/xyz");
    await page.getByRole("heading", { name: words.fa.loginTitle }).waitFor();
    await eventually("where the sign-in page will go next", () => new URL(page.url()).searchParams.get("next")).toBe("/customers/xyz");
    await page.getByLabel(words.fa.email).fill(account.email);
    await page.getByLabel(words.fa.password).fill(account.password);
    await page.getByRole("button", { name: words.fa.signIn }).click();
    await page.getByRole("navigation", { name: words.fa.navigation }).waitFor();
    await eventually("the address after signing in", () => new URL(page.url()).pathname).toBe("/customers/xyz");
    await visitor.context.close();
  });
});

describe("security headers", () => {
  it("are on the app's page and its scripts, exactly as _headers writes them, and the page runs under them", async () => {
    const assetsDir = inject("assetsDir");
    const rules = await headerRules(assetsDir);
    const everywhere = rules.get("/*");
    expect(everywhere?.get("content-security-policy")).toMatch(/default-src 'self'/);

    const visitor = await newVisitor(browser);
    const { page } = visitor;
    const scripts: Array<Promise<Record<string, string>>> = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.allHeaders());
    });
    const navigation = await page.goto("/customers/xyz");
    await page.getByRole("heading", { name: words.fa.loginTitle }).waitFor();
    const pageHeaders = await navigation!.allHeaders();
    for (const [name, value] of everywhere!) expect(pageHeaders[name], name).toBe(value);

    const entry = await page.request.get(await entryScript(assetsDir));
    const entryHeaders = entry.headers();
    for (const [name, value] of everywhere!) expect(entryHeaders[name], name).toBe(value);
    expect(entryHeaders["cache-control"]).toBe(rules.get("/assets/*")?.get("cache-control"));

    // The page has run its scripts (its heading is drawn), so their responses are all in.
    expect(scripts.length).toBeGreaterThan(0);
    for (const headers of await Promise.all(scripts)) expect(headers["content-security-policy"]).toBe(everywhere!.get("content-security-policy"));
    // The CSP forbids inline scripts and styles: the page must not trip over its own policy.
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
