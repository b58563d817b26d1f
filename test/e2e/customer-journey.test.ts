// The everyday journey, in Persian and in English: sign up, add a customer whose mobile is typed in
// Persian digits (with a city picked from the chosen province's list and a postal code in Persian
// digits), find them again by another form of the number, open their page, log a call and
// see it on the timeline, create a task and find it among the open tasks, where "New task" opens
// the same task form.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCustomer, signUpInBrowser } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { hasFocus } from "./support/keyboard";
import { eventually } from "./support/waiting";
import { LANGUAGES, words } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(LANGUAGES)("the customer journey in %s", (language) => {
  const w = words[language];
  const person = language === "fa" ? { first: "مریم", last: "کریمی" } : { first: "Maryam", last: "Karimi" };
  const fullName = `${person.first} ${person.last}`;
  const call = language === "fa" ? "دربارهٔ مجموعهٔ تازه پرسید" : "Asked about the new collection";
  const task = language === "fa" ? "ارسال کاتالوگ پاییزه" : "Send the autumn catalogue";

  it("signs up, adds a customer typed in Persian digits, finds them by +98…, logs a call and creates a task", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpInBrowser(visitor, language);

    // Add the customer from the list's "New customer" button.
    await page.getByRole("navigation", { name: w.navigation }).getByRole("link", { name: w.customers, exact: true }).click();
    await page.getByRole("link", { name: w.newCustomer }).click();
    await page.getByRole("textbox", { name: w.firstName, exact: true }).fill(person.first);
    await page.getByRole("textbox", { name: w.lastName, exact: true }).fill(person.last);
    await page.getByRole("textbox", { name: w.mobile, exact: true }).fill("۰۹۱۲ ۳۴۵ ۶۷۸۹");
    const place = language === "fa" ? { province: "استان", city: "شهر", postalCode: "کد پستی", gilan: "گیلان", rasht: "رشت", shown: "رشت، گیلان" } : { province: "Province", city: "City", postalCode: "Postal code", gilan: "Gilan", rasht: "Rasht", shown: "Rasht, Gilan" };
    await page.getByRole("combobox", { name: place.province, exact: true }).selectOption({ label: place.gilan });
    await page.getByRole("combobox", { name: place.city, exact: true }).selectOption({ label: place.rasht });
    await page.getByRole("textbox", { name: place.postalCode, exact: true }).fill("۴۱۶۳۵-۱۷۸۹۳");
    await page.getByRole("button", { name: w.createCustomer }).click();
    await page.getByRole("heading", { level: 1, name: fullName }).waitFor();
    // Listed places are stored by their Persian names and shown in the reader's language.
    await page.getByText(place.shown, { exact: true }).waitFor();
    const pathname = () => new URL(page.url()).pathname;
    await eventually("the address after creating the customer", pathname).toMatch(/^\/customers\/[^/]+$/);
    const customerPath = pathname();
    const stored = await (await visitor.context.request.get(`/api${customerPath}?reveal=pii`)).json();
    expect(stored).toMatchObject({ province: "گیلان", city: "رشت", postalCode: "4163517893" });
    // Someone else in the list, so the search below has something to leave out.
    await addCustomer(visitor, { firstName: language === "fa" ? "سارا" : "Sara", lastName: language === "fa" ? "احمدی" : "Ahmadi", mobile: "09351112233" });

    // Find them again by the international form of the same number.
    await page.getByRole("navigation", { name: w.navigation }).getByRole("link", { name: w.customers, exact: true }).click();
    await page.getByRole("searchbox", { name: w.searchCustomers }).fill("+98 912 345 6789");
    await eventually("the search in the address", () => new URL(page.url()).searchParams.get("q")).toBe("+98 912 345 6789");
    // The header row and the one customer with that number.
    await eventually("rows in the searched list", () => page.getByRole("row").count()).toBe(2);
    const found = page.getByRole("row").filter({ hasText: fullName });
    await found.waitFor();
    await found.getByRole("link", { name: fullName }).click();
    await page.getByRole("heading", { level: 1, name: fullName }).waitFor();
    await eventually("the address of the customer found", pathname).toBe(customerPath);

    // Log a call; it appears on the timeline.
    const timeline = page.getByRole("region", { name: w.timeline });
    await page.getByRole("button", { name: w.logCall }).click();
    const callDialog = page.getByRole("dialog", { name: w.logCall });
    await callDialog.getByLabel(w.callSummary).fill(call);
    await callDialog.getByRole("button", { name: w.saveCall }).click();
    await timeline.getByText(call).waitFor();
    await callDialog.waitFor({ state: "hidden" });

    // Create a task about them; it is on the timeline and among the open tasks.
    await page.getByRole("button", { name: w.createTask }).click();
    const taskDialog = page.getByRole("dialog", { name: w.createTask });
    const taskTitle = taskDialog.getByRole("textbox", { name: w.taskTitle, exact: true });
    await eventually("the focus on the task's title as the form opens", () => hasFocus(taskTitle)).toBe(true);
    const fieldsOnCustomerPage = await taskDialog.locator(".field__label").allTextContents();
    await taskTitle.fill(task);
    await taskDialog.getByRole("button", { name: w.saveTask }).click();
    await timeline.getByText(task).waitFor();

    await page.getByRole("navigation", { name: w.navigation }).getByRole("link", { name: w.tasks, exact: true }).click();
    await page.getByRole("navigation", { name: w.taskViews }).getByRole("link", { name: w.openTasks, exact: true }).click();
    const listed = page.getByRole("listitem").filter({ hasText: task });
    await listed.waitFor();
    await eventually("where the open task's customer link goes", () => listed.getByRole("link", { name: fullName }).getAttribute("href")).toBe(customerPath);

    // "New task" on the tasks page opens the same form: the same fields in the same order, only the
    // customer is to be picked there rather than fixed.
    const newTask = page.getByRole("button", { name: w.newTask });
    await newTask.click();
    const newTaskDialog = page.getByRole("dialog", { name: w.newTask });
    const newTaskTitle = newTaskDialog.getByRole("textbox", { name: w.taskTitle, exact: true });
    await eventually("the focus on the new task's title as the form opens", () => hasFocus(newTaskTitle)).toBe(true);
    const fieldsOnTasksPage = await newTaskDialog.locator(".field__label").allTextContents();
    expect(fieldsOnCustomerPage.length).toBeGreaterThanOrEqual(6);
    expect(fieldsOnTasksPage.slice(0, -1)).toEqual(fieldsOnCustomerPage.slice(0, -1));
    expect(fieldsOnTasksPage).toHaveLength(fieldsOnCustomerPage.length);
    await newTaskDialog.getByRole("button", { name: w.saveTask }).waitFor();
    await page.keyboard.press("Escape");
    await newTaskDialog.waitFor({ state: "hidden" });
    await eventually("the focus back on New task", () => hasFocus(newTask)).toBe(true);

    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
