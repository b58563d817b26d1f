// Settings → Plugins, in Persian and in English: an owner enables the loyalty club (its page joins
// the navigation), changes one of its settings, and a setting the plugin refuses shows the API's
// message under that field and is not saved.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpByApi } from "./support/accounts";
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

/** Numbers as the page writes them: Persian digits in Persian. */
const digits = (language: Language, text: string) => (language === "fa" ? text.replace(/\d/g, (digit) => "۰۱۲۳۴۵۶۷۸۹"[Number(digit)]!) : text);

function loyaltyCard(page: Page, language: Language) {
  return page.getByRole("region").filter({ has: page.getByRole("heading", { level: 2, name: words[language].loyalty }) });
}

/** The loyalty settings' own names (the plugin's x-title), which the form shows in each language. */
const settingNames = {
  en: { signupBonus: "Welcome bonus", warningDays: "Warn before expiry (days)" },
  fa: { signupBonus: "هدیهٔ عضویت", warningDays: "یادآوری پیش از انقضا (روز)" },
} satisfies Record<Language, Record<string, string>>;

describe.each(LANGUAGES)("plugin settings in %s", (language) => {
  const w = words[language];
  const names = settingNames[language];

  it("enables the loyalty club, saves a setting, and shows a refused setting's error at its field", async () => {
    const visitor = await newVisitor(browser);
    const { page } = visitor;
    await signUpByApi(visitor, language);
    await page.goto("/settings/plugins");

    const card = loyaltyCard(page, language);
    const enabled = card.getByRole("switch", { name: w.pluginEnabled });
    await eventually("the loyalty club's switch on arrival", () => enabled.isChecked()).toBe(false);
    const navigation = page.getByRole("navigation", { name: w.navigation });
    // The navigation's plugin pages come with the session, before it is drawn: once it is there, settled.
    await navigation.waitFor();
    expect(await navigation.getByRole("link", { name: w.loyalty }).count()).toBe(0);
    await enabled.click();
    await eventually("the loyalty club's switch once clicked", () => enabled.isChecked()).toBe(true);
    await navigation.getByRole("link", { name: w.loyalty }).waitFor();

    // A setting within its bounds is saved, and is still there after a reload.
    const settings = card.getByRole("form", { name: w.pluginSettings });
    await settings.getByRole("textbox", { name: names.signupBonus, exact: true }).fill(digits(language, "75"));
    await settings.getByRole("button", { name: w.save, exact: true }).click();
    await page.getByRole("status").getByText(w.loyaltySaved).waitFor();
    await page.reload();
    await eventually("the welcome bonus after a reload", () => loyaltyCard(page, language).getByRole("textbox", { name: names.signupBonus, exact: true }).inputValue()).toBe(digits(language, "75"));

    // One out of bounds (at most 90 days) is refused: the message sits under that field.
    const reloaded = loyaltyCard(page, language).getByRole("form", { name: w.pluginSettings });
    const warningDays = reloaded.getByRole("textbox", { name: names.warningDays, exact: true });
    await warningDays.fill(digits(language, "200"));
    await reloaded.getByRole("button", { name: w.save, exact: true }).click();
    await eventually("the refused field's aria-invalid", () => warningDays.getAttribute("aria-invalid")).toBe("true");
    /** The element the field names first in aria-describedby: its role and text. */
    const fieldMessage = async () => {
      const describedBy = (await warningDays.getAttribute("aria-describedby")) ?? "";
      const message = page.locator(`[id="${describedBy.split(" ")[0]}"]`);
      if ((await message.count()) === 0) return { role: null, text: `no element with the id in aria-describedby="${describedBy}"` };
      return { role: await message.getAttribute("role"), text: await message.textContent() };
    };
    await eventually("the message under the refused field", fieldMessage).toEqual({ role: "alert", text: expect.stringContaining(digits(language, "90")) });
    await page.reload();
    await eventually("the warning days after a reload", () => loyaltyCard(page, language).getByRole("textbox", { name: names.warningDays, exact: true }).inputValue()).toBe(digits(language, "14"));

    // The plugin's own page opens from the navigation.
    await page.getByRole("navigation", { name: w.navigation }).getByRole("link", { name: w.loyalty }).click();
    await page.getByRole("heading", { level: 1, name: w.loyalty }).waitFor();
    await eventually("the address of the loyalty club's page", () => new URL(page.url()).pathname).toBe("/plugins/loyalty");

    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });
});
