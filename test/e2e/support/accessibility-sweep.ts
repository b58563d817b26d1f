// The accessibility sweep's work for one language: every route of the UI (web/src/routes.ts),
// signed out and signed in with every plugin enabled, at 1366 and 320 px (and at 1366 px in dark
// mode, in Persian: colours are the same in both languages), checked with axe-core's WCAG 2.0/2.1 A and AA rules (zero violations) and for reflow
// (nothing scrolls the page sideways at 320 px). One context per kind of visitor, reused across
// pages. Each language is its own test file (accessibility.test.ts, accessibility-english.test.ts)
// so that the browser tests' two workers share the sweep.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, describeViolations } from "./axe";
import { appOrigin, launchBrowser } from "./browser";
import { sweepWorkspace } from "./sweep-workspace";
import { SIGNED_IN_VISITS, SIGNED_OUT_VISITS, SWEPT_ROUTERS, unsweptRoutes, type SweepWorkspace, type Visit } from "./ui-routes";
import type { Language } from "./words";

const WIDE = { width: 1366, height: 768 };
const NARROW = { width: 320, height: 640 };
/** Each visit's own limit: a settings section and its two widths take seconds on a busy machine. */
const VISIT_TIMEOUT = 180_000;

/** A context for the sweep: axe is injected as an inline script, which the app's CSP forbids. */
async function sweepContext(browser: Browser, language: Language): Promise<BrowserContext> {
  // The browser's language (Accept-Language) is what pages served outside the app, such as a
  // plugin's public page, answer in.
  const context = await browser.newContext({ baseURL: appOrigin(), viewport: WIDE, deviceScaleFactor: 1, bypassCSP: true, locale: language === "fa" ? "fa-IR" : "en-US" });
  // Signed out, the app's language is the one remembered in this browser.
  await context.addInitScript((chosen) => localStorage.setItem("edge-crm.language", chosen), language);
  return context;
}

/** The page has its heading and nothing is still loading. */
async function settled(page: Page) {
  await page.locator("h1").first().waitFor();
  const busy = page.locator(".state--loading, [aria-busy=true]");
  while ((await busy.count()) > 0) await busy.first().waitFor({ state: "detached" });
}

/** How far the page scrolls sideways (0 when it reflows into the width). */
const sidewaysScroll = (page: Page) => page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

/** Checks the page as it is now, wide then narrow; returns what is wrong, one entry per problem. */
async function check(page: Page, where: string, language: Language): Promise<string[]> {
  const problems: string[] = [];
  await expect.poll(() => page.evaluate<string>("document.documentElement.lang")).toBe(language);
  for (const size of [WIDE, NARROW]) {
    await page.setViewportSize(size);
    // One frame so layout follows the new width before anything is measured.
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
    const label = `${where} (${language}, ${size.width} px)`;
    const violations = await axeViolations(page);
    if (violations.length) problems.push(describeViolations(label, violations));
    if (size === WIDE && language === "fa") {
      // Dark mode follows the system setting: the same rules (contrast above all) hold in it. Its
      // colours do not depend on the language, so one language's sweep checks them (a third of
      // the other's time).
      await page.emulateMedia({ colorScheme: "dark" });
      const dark = await axeViolations(page);
      if (dark.length) problems.push(describeViolations(`${label}, dark`, dark));
      await page.emulateMedia({ colorScheme: "light" });
    }
    if (size === NARROW) {
      const overflow = await sidewaysScroll(page);
      if (overflow > 0) problems.push(`${label}: the page scrolls sideways by ${overflow} px (WCAG 1.4.10 reflow)`);
    }
  }
  await page.setViewportSize(WIDE);
  return problems;
}

async function sweep(page: Page, visit: Visit, workspace: SweepWorkspace, language: Language) {
  const problems: string[] = [];
  const paths = visit.paths(workspace);
  expect(paths.length, `${visit.name}: no page to visit`).toBeGreaterThan(0);
  for (const path of paths) {
    await page.goto(path);
    await settled(page);
    problems.push(...(await check(page, `${visit.name} ${path}`, language)));
    for (const state of visit.states ?? []) {
      await state.reach(page, language);
      await settled(page);
      problems.push(...(await check(page, `${visit.name} ${path} [${state.name}]`, language)));
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
}

/** Registers the sweep of every page in one language, with its own browser. */
export function describeEveryPage(language: Language) {
  describe(`every page in ${language}, at 1366 and 320 px`, () => {
    let browser: Browser;
    let signedOut: BrowserContext;
    let signedIn: BrowserContext;
    let outPage: Page;
    let inPage: Page;
    let workspace: SweepWorkspace;

    beforeAll(async () => {
      browser = await launchBrowser();
      signedIn = await sweepContext(browser, language);
      workspace = await sweepWorkspace(signedIn, language);
      inPage = await signedIn.newPage();
      signedOut = await sweepContext(browser, language);
      outPage = await signedOut.newPage();
    });
    afterAll(async () => {
      await signedIn?.close();
      await signedOut?.close();
      await browser?.close();
    });

    it("has a page for every enabled plugin that has one, and visits them all", () => {
      expect(workspace.pluginPages.length).toBeGreaterThan(0);
      expect(unsweptRoutes(SWEPT_ROUTERS[0]!.routes, SIGNED_IN_VISITS, workspace)).toEqual([]);
    });

    it.each(SIGNED_OUT_VISITS)("signed out: $name", (visit) => sweep(outPage, visit, workspace, language), VISIT_TIMEOUT);

    it.each(SIGNED_IN_VISITS)("signed in: $name", (visit) => sweep(inPage, visit, workspace, language), VISIT_TIMEOUT);

    // Pages a customer opens from a link (a plugin's public routes, outside the app's router): every
    // public GET page the OpenAPI document publishes must have a path in the sweep's workspace.
    it("public pages of plugins: every one published, opened signed out", async () => {
      const document = (await (await signedOut.request.get("/openapi.json")).json()) as { paths: Record<string, Record<string, { "x-permission"?: string }>> };
      const published = Object.entries(document.paths)
        .filter(([path, operations]) => path.startsWith("/p/") && operations.get?.["x-permission"] === "public")
        .map(([path]) => path);
      expect(published.filter((path) => !(path in workspace.pluginPublicPages)), "public pages with no path in sweep-workspace.ts").toEqual([]);
      await sweep(outPage, { route: "public", name: "plugin public page", paths: () => published.map((path) => workspace.pluginPublicPages[path]!) }, workspace, language);
    }, VISIT_TIMEOUT);
  });
}
