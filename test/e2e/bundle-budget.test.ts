// The JavaScript the first page loads (index.html's entry script and the chunks it imports
// statically) stays under 200 KB gzip, so the app opens fast on a phone on a slow network.
import { gzipSync } from "node:zlib";
import { inject } from "vitest";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newVisitor } from "./support/browser";
import { firstPageScripts } from "./support/static-files";
import { words } from "./support/words";

const BUDGET_BYTES = 200 * 1000;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

describe("the first page's JavaScript", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is under 200 KB gzip", async () => {
    const scripts = await firstPageScripts(inject("assetsDir"));
    let raw = 0;
    let gzip = 0;
    const lines: string[] = [];
    for (const [path, contents] of scripts) {
      const compressed = gzipSync(contents).length;
      raw += contents.length;
      gzip += compressed;
      lines.push(`  ${path}  ${kb(contents.length)} → ${kb(compressed)} gzip`);
    }
    console.log(`first page JavaScript: ${scripts.size} file(s), ${kb(raw)} → ${kb(gzip)} gzip (budget ${kb(BUDGET_BYTES)})\n${lines.join("\n")}`);
    expect(gzip).toBeLessThan(BUDGET_BYTES);
  });

  it("is exactly what a browser fetches to show the sign-in page", async () => {
    const expected = [...(await firstPageScripts(inject("assetsDir"))).keys()].sort();
    const { page, context } = await newVisitor(browser);
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") fetched.push(new URL(request.url()).pathname);
    });
    await page.goto("/login");
    await page.getByRole("heading", { name: words.fa.loginTitle }).waitFor();
    // Shown, and nothing left in flight: every script the page asks for has been asked for.
    await page.waitForLoadState("networkidle");
    expect(fetched.sort()).toEqual(expected);
    await context.close();
  });
});
