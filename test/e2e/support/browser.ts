// Debian's Chromium driven by playwright-core (a test tool's own browser download does not work
// here), and a fresh browser context per user: its own cookies, language and screen size.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { waitMs } from "./waiting";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

export const appOrigin = () => inject("origin");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and Content-Security-Policy violations seen on the page so far. */
  problems: string[];
}

/** A new visitor with an empty cookie jar, at a desktop size unless told otherwise. */
export async function newVisitor(browser: Browser, { viewport = DESKTOP, phone = false } = {}): Promise<Visitor> {
  const context = await browser.newContext({ baseURL: appOrigin(), viewport, isMobile: phone, hasTouch: phone, deviceScaleFactor: 1 });
  // Every locator wait, action and navigation gives up after the same time as eventually().
  context.setDefaultTimeout(waitMs());
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  return { context, page, problems };
}
