// The web UI's customer list, as a person opens it: Chromium (Debian's, driven by
// playwright-core) loads /customers with a signed-in session, and the time is taken from the
// navigation to the first page of customers on screen. Median of a few loads.
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** A row of the list: each links to its customer's page. */
const ROW = 'main a[href^="/customers/cus_"]';

export async function customerListRenderMs(baseUrl, cookie, loads = 3) {
  if (!existsSync(CHROMIUM)) return { ms: null, note: `no Chromium at ${CHROMIUM}` };
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const context = await browser.newContext({ locale: "fa-IR", viewport: { width: 1280, height: 900 } });
    const [name, value] = cookie.split("=");
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    const times = [];
    for (let load = 0; load <= loads; load++) {
      const started = Date.now();
      await page.goto(`${baseUrl}/customers`, { waitUntil: "commit" });
      await page.waitForSelector(ROW, { timeout: 30_000 });
      // The first load warms the browser's cache of the app's assets, as a returning user has it.
      if (load > 0) times.push(Date.now() - started);
    }
    times.sort((a, b) => a - b);
    const rows = await page.locator(ROW).count();
    return { ms: times[Math.floor(times.length / 2)], rows };
  } catch (error) {
    return { ms: null, note: String(error?.message ?? error).split("\n")[0] };
  } finally {
    await browser.close();
  }
}
