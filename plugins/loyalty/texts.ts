// The club's words, in both languages: refusals a caller reads, notes on the timeline, messages to
// customers. Numbers and dates inside a text are written the reader's way (Persian digits and the
// Jalali calendar in Persian), since the UI cannot format inside a sentence.
import type { Localized } from "../../worker/plugin-api";
import type { Tier } from "./settings";

export const PLUGIN_NAME: Localized = { en: "Loyalty club", fa: "باشگاه مشتریان" };

export const numberIn = (value: number, locale: "fa" | "en") => new Intl.NumberFormat(locale === "fa" ? "fa-IR" : "en-US").format(value);
const both = (value: number) => ({ en: numberIn(value, "en"), fa: numberIn(value, "fa") });

export function dateIn(at: number, locale: "fa" | "en", timeZone: string): string {
  const format = new Intl.DateTimeFormat(locale === "fa" ? "fa-IR-u-ca-persian" : "en-GB", { timeZone, year: "numeric", month: "long", day: "numeric" });
  return format.format(new Date(at));
}

const tierName = (tiers: readonly Tier[], key: string, locale: "fa" | "en") => tiers.find((tier) => tier.key === key)?.name[locale] ?? key;

export function tierChangedNote(tiers: readonly Tier[], from: string, to: string, direction: "up" | "down", locale: "fa" | "en"): string {
  const [a, b] = [tierName(tiers, from, locale), tierName(tiers, to, locale)];
  if (locale === "fa") return direction === "up" ? `سطح باشگاه مشتریان از ${a} به ${b} ارتقا یافت.` : `سطح باشگاه مشتریان از ${a} به ${b} کاهش یافت.`;
  return direction === "up" ? `Loyalty tier raised from ${a} to ${b}.` : `Loyalty tier lowered from ${a} to ${b}.`;
}

export const refusals = {
  notEnoughPoints: (balance: number, cost: number): Localized => ({
    en: `not enough points (balance ${both(balance).en}, needed ${both(cost).en}).`,
    fa: `امتیاز کافی نیست (مانده ${both(balance).fa}، لازم ${both(cost).fa}).`,
  }),
  wouldGoNegative: (balance: number): Localized => ({
    en: `the balance is ${both(balance).en}; it cannot go below zero.`,
    fa: `مانده ${both(balance).fa} امتیاز است و نمی‌تواند منفی شود.`,
  }),
  outOfStock: { en: "this reward is out of stock.", fa: "موجودی این جایزه تمام شده است." } as Localized,
  rewardUnavailable: { en: "this reward is not available now.", fa: "این جایزه اکنون در دسترس نیست." } as Localized,
  couponUsed: (when: { en: string; fa: string }): Localized => ({ en: `this coupon was already used (${when.en}).`, fa: `این کد تخفیف پیش‌تر استفاده شده است (${when.fa}).` }),
  couponExpired: (when: { en: string; fa: string }): Localized => ({ en: `this coupon expired (${when.en}).`, fa: `مهلت این کد تخفیف تمام شده است (${when.fa}).` }),
  couponVoided: { en: "this coupon was voided.", fa: "این کد تخفیف باطل شده است." } as Localized,
  unknownReferralCode: { en: "no member has this referral code.", fa: "هیچ عضوی این کد معرف را ندارد." } as Localized,
  selfReferral: { en: "a member cannot refer themselves.", fa: "عضو نمی‌تواند معرف خودش باشد." } as Localized,
  alreadyReferred: { en: "this customer is already linked to a referrer.", fa: "این مشتری پیش‌تر به معرفی وصل شده است." } as Localized,
  alreadyBought: { en: "only a customer who has not bought yet can be referred.", fa: "فقط مشتری‌ای که هنوز خرید نکرده را می‌توان معرفی کرد." } as Localized,
  memberErased: { en: "this customer's data was erased.", fa: "اطلاعات این مشتری پاک شده است." } as Localized,
};

/** A gift coupon's name, as lists of coupons show it: "20% off", "50,000 toman off". */
export function giftCouponName(discount: { percent?: number; amount?: number }, locale: "fa" | "en", currency: string): string {
  if (discount.percent !== undefined) return locale === "fa" ? `هدیه: ${numberIn(discount.percent, "fa")}٪ تخفیف` : `Gift: ${discount.percent}% off`;
  const amount = `${numberIn(discount.amount!, locale)} ${currency === "IRT" ? (locale === "fa" ? "تومان" : "toman") : currency === "IRR" ? (locale === "fa" ? "ریال" : "rial") : currency}`;
  return locale === "fa" ? `هدیه: ${amount} تخفیف` : `Gift: ${amount} off`;
}

export function expiryWarning(points: number, expiresOn: number, locale: "fa" | "en", timeZone: string, shop: string): string {
  const date = dateIn(expiresOn, locale, timeZone);
  return locale === "fa"
    ? `${shop}: ${numberIn(points, "fa")} امتیاز باشگاه مشتریان شما در ${date} منقضی می‌شود. تا آن روز از آن استفاده کنید.`
    : `${shop}: ${numberIn(points, "en")} of your loyalty points expire on ${date}. Use them before then.`;
}

export function raffleWon(raffle: string, locale: "fa" | "en", shop: string): string {
  return locale === "fa" ? `${shop}: تبریک! شما برندهٔ قرعه‌کشی «${raffle}» باشگاه مشتریان شدید.` : `${shop}: Congratulations! You won the loyalty club's "${raffle}" draw.`;
}
