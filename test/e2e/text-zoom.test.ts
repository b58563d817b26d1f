// Text zoomed to 200 % loses nothing (WCAG 1.4.4 Resize Text). A browser zooms text two ways: page
// zoom, which at 1280 px wide and 200 % lays the page out at 640 CSS px (the reflow checks at 390
// and 320 px already cover narrower than that), and text-only zoom, which doubles the text while
// the layout keeps its width. The second is the one nothing else covers, so this doubles the root
// font size (every size in the styles is in rem) at a desktop width (and at a phone's), on a representative set of
// pages in both languages, and checks that the page does not scroll sideways and that no text is
// cut off by a box too small for it (overflow hidden with more content than room).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { launchBrowser, newVisitor, type Visitor } from "./support/browser";
import { sweepWorkspace } from "./support/sweep-workspace";
import type { SweepWorkspace } from "./support/ui-routes";
import { eventually } from "./support/waiting";
import { LANGUAGES } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pages = (workspace: SweepWorkspace) => [
  "/",
  "/customers",
  `/customers/${workspace.customerId}`,
  "/tasks",
  "/import",
  "/settings/users",
  ...workspace.pluginPages.filter((id) => id === "loyalty").map((id) => `/plugins/${id}`),
];

/** What is lost at this text size: sideways scroll of the page, and boxes that cut their text off. */
const lostAtThisSize = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const lost = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) lost.push("the page scrolls sideways by " + (root.scrollWidth - root.clientWidth) + " px");
    for (const element of document.body.querySelectorAll("*")) {
      const style = getComputedStyle(element);
      if (!["hidden", "clip"].includes(style.overflowX)) continue;
      // Text for screen readers only is clipped to nothing on purpose; what is not drawn cannot be cut off.
      if (style.clip !== "auto" || style.clipPath !== "none" || style.display === "none" || style.visibility === "hidden") continue;
      const text = element.innerText?.trim();
      if (!text) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        const name = element.tagName.toLowerCase() + (typeof element.className === "string" && element.className.trim() ? "." + element.className.trim().split(/\\s+/).join(".") : "");
        lost.push(name + ' cuts off "' + text.slice(0, 40) + '" (' + element.scrollWidth + " px in " + element.clientWidth + " px)");
      }
    }
    return lost;
  })()`);

describe.each(LANGUAGES)("text at 200 %%, in %s", (language) => {
  let visitor: Visitor;
  let workspace: SweepWorkspace;
  beforeAll(async () => {
    visitor = await newVisitor(browser);
    workspace = await sweepWorkspace(visitor.context, language);
  });
  afterAll(async () => {
    await visitor?.context.close();
  });

  it("loses nothing on the dashboard, customers, a customer, tasks, import, users and the loyalty page", async () => {
    const { page } = visitor;
    const visited = pages(workspace);
    for (const path of visited) {
      await page.goto(path);
      await page.locator("main h1").first().waitFor();
      await page.evaluate("document.documentElement.style.fontSize = parseFloat(getComputedStyle(document.documentElement).fontSize) * 2 + 'px'");
      // Layout follows the new size on the next frame: wait until nothing is lost (or say what is).
      await eventually(`what is lost at 200 % text on ${path} (${language})`, () => lostAtThisSize(page)).toEqual([]);
    }
    await eventually("the loyalty plugin's page among those checked", () => visited.includes("/plugins/loyalty")).toBe(true);

    // On a phone, too: the top bar's tools wrap rather than push the page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/customers", `/customers/${workspace.customerId}`]) {
      await page.goto(path);
      await page.locator("main h1").first().waitFor();
      await page.evaluate("document.documentElement.style.fontSize = parseFloat(getComputedStyle(document.documentElement).fontSize) * 2 + 'px'");
      await eventually(`what is lost at 200 % text on ${path} at 390 px (${language})`, () => lostAtThisSize(page)).toEqual([]);
    }
  });
});
