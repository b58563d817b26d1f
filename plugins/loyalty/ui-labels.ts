// Words the club's UI surfaces put inside table cells and sentences, which the UI shows as they
// are: so they are chosen here in the reader's language.
import type { EntryRow } from "./ledger";
import type { Tier } from "./settings";
import { numberIn } from "./texts";

export type Lang = "fa" | "en";

const RULES: Record<string, { en: string; fa: string }> = {
  purchase: { en: "Purchase", fa: "خرید" },
  signup: { en: "Welcome bonus", fa: "هدیهٔ عضویت" },
  birthday: { en: "Birthday bonus", fa: "هدیهٔ تولد" },
  first_order: { en: "First order bonus", fa: "هدیهٔ اولین خرید" },
  nps_response: { en: "Survey answered", fa: "پاسخ به نظرسنجی" },
  referrer: { en: "Referred a friend", fa: "معرفی دوست" },
  newcomer: { en: "Joined by referral", fa: "عضویت با معرفی" },
  refund: { en: "Refund", fa: "مرجوعی" },
  expiry: { en: "Expired", fa: "انقضا" },
  reward: { en: "Reward", fa: "جایزه" },
  staff: { en: "By staff", fa: "اصلاح دستی" },
  erasure: { en: "Erased", fa: "پاک‌سازی اطلاعات" },
};

const STATES: Record<string, { en: string; fa: string }> = {
  active: { en: "active", fa: "فعال" },
  used: { en: "used", fa: "استفاده‌شده" },
  expired: { en: "expired", fa: "منقضی" },
  voided: { en: "voided", fa: "باطل" },
  available: { en: "available", fa: "در دسترس" },
  unavailable: { en: "paused", fa: "متوقف" },
  out_of_stock: { en: "out of stock", fa: "ناموجود" },
};

export const stateLabel = (state: string, lang: Lang) => STATES[state]?.[lang] ?? state;

/** What an entry was for, in a few words. */
export function entryDetail(entry: EntryRow, lang: Lang): string {
  const rule = RULES[entry.rule]?.[lang] ?? entry.rule;
  if (entry.rule === "reward" && entry.reason) return `${rule}: ${entry.reason}`;
  if (entry.rule === "staff" && entry.reason) return `${rule}: ${entry.reason}`;
  if (entry.rule === "refund" && entry.shortfall > 0) {
    return lang === "fa" ? `${rule} (${numberIn(entry.shortfall, "fa")} امتیاز پیش‌تر خرج شده بود)` : `${rule} (${numberIn(entry.shortfall, "en")} points already spent)`;
  }
  return rule;
}

export const tierName = (tier: Tier | undefined, key: string, lang: Lang) => tier?.name[lang] ?? key;
export { uiText as both } from "../../worker/plugin-api";
