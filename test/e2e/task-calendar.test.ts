// The tasks calendar: a task on its due day (the Jalali day, in Persian digits, in Persian), moved
// to another day by dragging it in Persian and from the keyboard in English, the API keeping the
// new day and the time of day; on a 390 px phone the month lists the day with its task.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCustomer, sameOrigin, signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor, type Visitor } from "./support/browser";
import { eventually } from "./support/waiting";
import { LANGUAGES, type Language } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ZONE = "Asia/Tehran";
const localDay = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(at);
const persianDigits = (text: string) => text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);

interface ApiTask {
  id: string;
  title: string;
  dueAt: string | null;
}

/** A task about a customer, due today at 10:00 in the workspace's zone. */
async function taskDueToday({ context }: Visitor, title: string) {
  const customer = await addCustomer({ context } as Visitor, { firstName: "Nima", lastName: "Rahimi", mobile: "09121234567" });
  const today = localDay(Date.now());
  const response = await context.request.post("/api/tasks", { data: { title, customerId: customer.id, dueAt: `${today}T10:00:00+03:30` }, headers: sameOrigin() });
  expect(response.status(), await response.text()).toBe(201);
  return { task: (await response.json()) as ApiTask, today };
}

async function dueAtOf({ context }: Visitor, id: string): Promise<string | null> {
  const response = await context.request.get("/api/tasks?mine=true&limit=200");
  const { items } = (await response.json()) as { items: ApiTask[] };
  return items.find((task) => task.id === id)?.dueAt ?? null;
}

/** The day of the calendar cell a task is shown in. */
const dayOf = (task: Locator) => task.locator("xpath=ancestor::li[@data-day]").getAttribute("data-day");

/** Another day of the month on screen than `today` (the grid also shows its neighbours' days, which are not). */
async function anotherDayOfTheMonth(page: Page, today: string): Promise<string> {
  for (const cell of await page.locator(".task-calendar__day:not(.task-calendar__day--outside)").all()) {
    const day = await cell.getAttribute("data-day");
    if (day && day !== today) return day;
  }
  throw new Error("a month of one day");
}

describe.each(LANGUAGES)("the tasks calendar in %s", (language: Language) => {
  const fa = language === "fa";

  it(fa ? "shows a task on its Jalali day and moves it by dragging it to another day" : "shows a task on its day and moves it from the keyboard", async () => {
    const visitor = await newVisitor(browser);
    await signUpByApi(visitor, language);
    const { page } = visitor;
    const title = fa ? "پیگیری سفارش" : "Follow up the order";
    const { task, today } = await taskDueToday(visitor, title);
    await page.goto("/tasks?layout=month");
    const monthName = new Intl.DateTimeFormat(fa ? "fa-IR-u-ca-persian" : "en-GB", { timeZone: ZONE, month: "long" }).format(Date.now());
    await eventually("the month's title", () => page.getByRole("heading", { level: 2 }).filter({ hasText: monthName }).count()).toBe(1);
    const todayCell = page.locator(`[data-day="${today}"]`);
    const taskButton = page.getByRole("button", { name: title });
    await eventually("the day the task is due on", () => dayOf(taskButton)).toBe(today);
    await expect(taskButton.textContent()).resolves.toContain("Nima Rahimi");
    // The day's number is the reader's: the Jalali day with Persian digits, or the Gregorian one.
    const dayNumber = new Intl.DateTimeFormat(fa ? "en-u-ca-persian" : "en-GB", { timeZone: ZONE, day: "numeric" }).format(Date.now());
    await expect(todayCell.getByRole("heading").textContent()).resolves.toContain(fa ? persianDigits(dayNumber) : dayNumber);

    const target = await anotherDayOfTheMonth(page, today);
    const saved = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/tasks/${task.id}` && response.request().method() === "PATCH");
    if (fa) {
      await taskButton.dragTo(page.locator(`[data-day="${target}"]`));
    } else {
      await taskButton.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: `Move “${title}”` });
      await dialog.getByLabel("Move to").fill(target);
      await dialog.getByRole("button", { name: "Move", exact: true }).click();
      // Focus follows the task to its new day.
      await eventually("the focused task's day", () => page.evaluate<string | undefined>("document.activeElement?.closest('[data-day]')?.dataset.day")).toBe(target);
    }
    expect((await saved).status()).toBe(200);
    await eventually("the day the task is shown on", () => dayOf(taskButton)).toBe(target);
    // The API has the new day, at the same time of day.
    await eventually("the task's due time in the API", () => dueAtOf(visitor, task.id)).toBe(new Date(`${target}T10:00:00+03:30`).toISOString());
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});

describe("the tasks month on a 390 px phone", () => {
  it("lists the days that have tasks, without sideways scrolling, and moves a task by tapping it", async () => {
    const visitor = await newVisitor(browser, { viewport: { width: 390, height: 800 }, phone: true });
    await signUpByApi(visitor, "fa");
    const { page } = visitor;
    const { task, today } = await taskDueToday(visitor, "تماس با مشتری");
    await page.goto("/tasks?layout=month");
    const taskButton = page.getByRole("button", { name: "تماس با مشتری" });
    await taskButton.waitFor();
    // Empty days are left out: the month is a short list, not a grid too small to read.
    await eventually("the days shown", () => page.locator(".task-calendar__day:visible").count()).toBe(1);
    await eventually("sideways scroll", () => page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth")).toBeLessThanOrEqual(0);
    await taskButton.tap();
    const dialog = page.getByRole("dialog", { name: "جابه‌جایی «تماس با مشتری»" });
    await dialog.getByRole("button", { name: "یک روز دیرتر" }).tap();
    await dialog.getByRole("button", { name: "جابه‌جا کن" }).tap();
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await eventually("the task's due time in the API", () => dueAtOf(visitor, task.id)).toBe(new Date(`${tomorrow}T10:00:00+03:30`).toISOString());
    await visitor.context.close();
  });
});
