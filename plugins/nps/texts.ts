// The survey's words in both languages: the default question, follow-ups and thanks a new survey
// starts with, the plugin's name, notes on the timeline, and numbers written the reader's way.
import type { Localized } from "../../worker/plugin-api";
import type { Band, BandTexts } from "./schema";

export const PLUGIN_NAME: Localized = { en: "NPS surveys", fa: "نظرسنجی رضایت (NPS)" };

export const DEFAULT_QUESTION: Localized = {
  en: "How likely are you to recommend us to a friend or colleague?",
  fa: "چقدر احتمال دارد ما را به دوست یا همکارتان پیشنهاد کنید؟",
};

export const DEFAULT_FOLLOW_UPS: BandTexts = {
  detractor: { en: "We are sorry. What went wrong?", fa: "متأسفیم. چه چیزی خوب نبود؟" },
  passive: { en: "What would make us a 10 for you?", fa: "چه کنیم که به ما ۱۰ بدهید؟" },
  promoter: { en: "Thank you! What did you like most?", fa: "سپاس! چه چیزی را بیشتر پسندیدید؟" },
};

export const DEFAULT_REFERRAL_INVITE: Localized = {
  en: "Know someone who would like us? Tell them about us.",
  fa: "کسی را می‌شناسید که از ما خوشش بیاید؟ ما را به او معرفی کنید.",
};

export const DEFAULT_THANK_YOU: Localized = { en: "Thank you for your answer.", fa: "از پاسخ شما سپاسگزاریم." };

export const BAND_NAMES: Record<Band, Localized> = {
  detractor: { en: "Detractor", fa: "ناراضی" },
  passive: { en: "Passive", fa: "بی‌طرف" },
  promoter: { en: "Promoter", fa: "مشوق" },
};

export const numberIn = (value: number, locale: "fa" | "en") => new Intl.NumberFormat(locale === "fa" ? "fa-IR" : "en-US", { useGrouping: false }).format(value);

export function answeredNote(score: number, surveyName: string, locale: "fa" | "en"): string {
  return locale === "fa" ? `به نظرسنجی «${surveyName}» امتیاز ${numberIn(score, "fa")} از ۱۰ داد.` : `Answered the survey "${surveyName}" with ${score} out of 10.`;
}

export function detractorTaskTitle(score: number, locale: "fa" | "en"): string {
  return locale === "fa" ? `پیگیری مشتری ناراضی (امتیاز ${numberIn(score, "fa")} از ۱۰)` : `Follow up a detractor (scored ${score} out of 10)`;
}

/** The survey message: the question and the link (core fills {link} with the short link). */
export function surveyMessage(question: Localized): Localized {
  return { en: `${question.en} 0-10: {link}`, fa: `${question.fa} ۰ تا ۱۰: {link}` };
}

export function reminderMessage(question: Localized): Localized {
  return { en: `A reminder: ${question.en} {link}`, fa: `یادآوری: ${question.fa} {link}` };
}
