// The NPS answer page as a customer opens it from the survey message: on a 320 px phone, with
// JavaScript off and no account, in Persian (RTL, Persian digits) and in English; a tap records
// the score, the follow-up comment goes after; the page stays under 15 KB. And the survey editor
// on the plugin's page, in both languages: a bad review link is refused at its field, a changed
// Persian question is saved.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCustomer, sameOrigin, signUpByApi } from "./support/accounts";
import { appOrigin, launchBrowser, newVisitor } from "./support/browser";
import { eventually } from "./support/waiting";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A survey sent to one customer with consent; the answer page's path they got. */
async function surveyLink(context: BrowserContext, mobile: string): Promise<string> {
  expect((await context.request.patch("/api/plugins/nps", { data: { enabled: true }, headers: sameOrigin() })).ok()).toBe(true);
  const customer = await addCustomer({ context } as never, { firstName: "Sara", mobile, consent: { sms: "granted" } });
  const survey = await context.request.post("/api/plugins/nps/surveys", { data: { name: "After delivery", reviewUrl: "https://example.com/reviews" }, headers: sameOrigin() });
  const surveyId = ((await survey.json()) as { id: string }).id;
  expect((await context.request.post(`/api/plugins/nps/surveys/${surveyId}/send`, { data: {}, headers: sameOrigin() })).status()).toBe(202);
  const sends = (await (await context.request.get(`/api/plugins/nps/surveys/${surveyId}/sends?customerId=${customer.id}`)).json()) as { items: Array<{ path: string }> };
  return sends.items[0]!.path;
}

/** A customer's phone: 320 px, no JavaScript, no cookies carried over, in their language. */
const customerPhone = (language: "fa" | "en") =>
  browser.newContext({ baseURL: appOrigin(), viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, javaScriptEnabled: false, locale: language === "fa" ? "fa-IR" : "en-GB" });

const TEXTS = {
  fa: { dir: "rtl", nine: "۹", yourAnswer: "پاسخ شما", send: "ارسال", thanks: "از پاسخ شما سپاسگزاریم.", mobile: "09121110001" },
  en: { dir: "ltr", nine: "9", yourAnswer: "Your answer", send: "Send", thanks: "Thank you for your answer.", mobile: "09121110002" },
} as const;

describe("the NPS answer page", () => {
  for (const language of ["fa", "en"] as const) {
    it(`records a tap and a comment without JavaScript, in ${language === "fa" ? "Persian (RTL)" : "English"}, in under 15 KB`, async () => {
      const staff = await newVisitor(browser);
      await signUpByApi(staff, language);
      const path = await surveyLink(staff.context, TEXTS[language].mobile);
      await staff.context.close();

      const phone = await customerPhone(language);
      const page = await phone.newPage();
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const size = (await response!.body()).length;
      console.log(`nps answer page (${language}): ${size} bytes`);
      expect(size).toBeLessThan(15_000);
      expect(await page.locator("html").getAttribute("dir")).toBe(TEXTS[language].dir);
      const scale = page.getByRole("list");
      await eventually("the eleven score links", () => scale.getByRole("link").count()).toBe(11);
      // The scale fits a 320 px screen (read after the list above was drawn).
      const box = await scale.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);

      await scale.getByRole("link", { name: TEXTS[language].nine, exact: true }).click();
      await page.getByText(TEXTS[language].yourAnswer).waitFor();
      await eventually("the chosen score marked", () => scale.locator("[aria-current]").textContent()).toBe(TEXTS[language].nine);
      await page.getByRole("textbox").fill(language === "fa" ? "ارسال سریع بود" : "Fast delivery");
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: TEXTS[language].send }).click();
      await page.getByRole("heading", { name: TEXTS[language].thanks }).waitFor();
      await phone.close();
    });
  }
});

const EDITOR = {
  fa: { form: "ویرایش «After delivery»", question: "پرسش (فارسی)", review: "پیوند نقد و نظر (برای همهٔ پاسخ‌دهندگان)", save: "ذخیره" },
  en: { form: "Edit “After delivery”", question: "Question (Persian)", review: "Review link (shown to everyone who answers)", save: "Save" },
} as const;

describe("the NPS survey editor", () => {
  for (const language of ["fa", "en"] as const) {
    it(`refuses a bad review link at its field and saves a changed question, in ${language === "fa" ? "Persian" : "English"}`, async () => {
      const staff = await newVisitor(browser);
      await signUpByApi(staff, language);
      const { context, page } = staff;
      expect((await context.request.patch("/api/plugins/nps", { data: { enabled: true }, headers: sameOrigin() })).ok()).toBe(true);
      const surveyId = ((await (await context.request.post("/api/plugins/nps/surveys", { data: { name: "After delivery" }, headers: sameOrigin() })).json()) as { id: string }).id;
      await page.goto("/plugins/nps");
      const words = EDITOR[language];
      const editor = page.getByRole("form", { name: words.form });
      const review = editor.getByRole("textbox", { name: words.review });
      await review.fill("not a link");
      await editor.getByRole("textbox", { name: words.question }).fill("آیا ما را به دوستانتان پیشنهاد می‌کنید؟");
      await editor.getByRole("button", { name: words.save, exact: true }).click();
      await eventually("the review link marked as refused", () => review.getAttribute("aria-invalid")).toBe("true");
      await review.fill("https://example.com/reviews");
      await editor.getByRole("button", { name: words.save, exact: true }).click();
      const saved = async () => ((await (await context.request.get(`/api/plugins/nps/surveys/${surveyId}`)).json()) as { question: { fa: string }; reviewUrl: string | null });
      await eventually("the saved question", async () => (await saved()).question.fa).toBe("آیا ما را به دوستانتان پیشنهاد می‌کنید؟");
      expect((await saved()).reviewUrl).toBe("https://example.com/reviews");
      await context.close();
    });
  }
});
