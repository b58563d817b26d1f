// The answer page's HTML: tiny (no framework, no script), mobile-first, in the visitor's language
// (RTL Persian with Persian digits, or English). The score is eleven plain links, so it works
// without JavaScript or cookies; the follow-up comment is a plain form posted after.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Band, Text } from "./schema";
import { DEFAULT_REFERRAL_INVITE, numberIn } from "./texts";

type Locale = "fa" | "en";

const STYLE = `body{font:16px/1.6 system-ui,sans-serif;margin:0 auto;padding:1.5rem 1rem;max-width:34rem;color:#1a1a1a;background:#fff}
h1{font-size:1.25rem;margin:.5rem 0 1rem}.shop{color:#555;margin:0}
ol{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(2.75rem,1fr));gap:.375rem}
ol a{display:block;text-align:center;padding:.625rem 0;border:1px solid #767676;border-radius:.5rem;color:#1a1a1a;text-decoration:none;font-weight:600;min-height:1.5rem}
ol a:focus-visible,button:focus-visible,textarea:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
ol a[aria-current]{background:#1d4ed8;color:#fff;border-color:#1d4ed8}
.ends{display:flex;justify-content:space-between;color:#555;font-size:.875rem;margin:.25rem 0 1.25rem}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}textarea{width:100%;box-sizing:border-box;font:inherit;min-height:6rem;padding:.5rem}
.consent{font-weight:400;display:flex;gap:.5rem;align-items:flex-start}
button{font:inherit;font-weight:600;margin-top:1rem;padding:.625rem 1.25rem;border:0;border-radius:.5rem;background:#1d4ed8;color:#fff}
a{color:#1d4ed8}`;

const T = {
  notLikely: { en: "0 = not at all likely", fa: "۰ = اصلاً" },
  veryLikely: { en: "10 = extremely likely", fa: "۱۰ = حتماً" },
  yourAnswer: { en: "Your answer", fa: "پاسخ شما" },
  change: { en: "You can change it within a day by choosing another number.", fa: "تا یک روز می‌توانید با انتخاب عددی دیگر آن را تغییر دهید." },
  comment: { en: "Your comment (optional)", fa: "نظر شما (اختیاری)" },
  consent: { en: "The shop may quote my comment, with my first name.", fa: "فروشگاه می‌تواند نظر مرا با نام کوچکم نقل کند." },
  send: { en: "Send", fa: "ارسال" },
  review: { en: "Write a review", fa: "نوشتن نقد و نظر" },
  scale: { en: "Score from 0 to 10", fa: "امتیاز از ۰ تا ۱۰" },
  closed: { en: "This survey is closed. Thank you for your time.", fa: "این نظرسنجی بسته شده است. از وقتی که گذاشتید سپاسگزاریم." },
  notFound: { en: "This survey link is not valid. It may have expired. Thank you all the same.", fa: "این پیوند نظرسنجی معتبر نیست؛ شاید منقضی شده باشد. با این حال سپاسگزاریم." },
  survey: { en: "Survey", fa: "نظرسنجی" },
  yourCode: { en: "Your referral code", fa: "کد معرفی شما" },
};

function page(locale: Locale, shop: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="${locale}" dir="${locale === "fa" ? "rtl" : "ltr"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${shop} · ${T.survey[locale]}</title><style>${raw(STYLE)}</style></head>
<body><main><p class="shop">${shop}</p>${body}</main></body></html>`;
}

function scale(locale: Locale, hrefOf: (score: number) => string, current: number | null) {
  const links = Array.from({ length: 11 }, (_, score) =>
    current === score
      ? html`<li><a href="${hrefOf(score)}" aria-current="true">${numberIn(score, locale)}</a></li>`
      : html`<li><a href="${hrefOf(score)}">${numberIn(score, locale)}</a></li>`,
  );
  return html`<ol aria-label="${T.scale[locale]}">${links}</ol><p class="ends"><span>${T.notLikely[locale]}</span><span>${T.veryLikely[locale]}</span></p>`;
}

export function askPage(locale: Locale, shop: string, question: Text, hrefOf: (score: number) => string) {
  return page(locale, shop, html`<h1>${question[locale]}</h1>${scale(locale, hrefOf, null)}`);
}

export interface AnsweredView {
  question: Text;
  score: number;
  band: Band;
  followUp: Text;
  comment: string | null;
  reviewUrl: string | null;
  /** The survey's invitation to refer a friend (promoters only); null: the default words. */
  referralInvite: Text | null;
  /** The promoter's loyalty referral code, when the loyalty club is on and they are a member. */
  referralCode: string | null;
  commentAction: string;
}

const invitation = (locale: Locale, words: Text | null, code: string | null) =>
  html`<p>${(words ?? DEFAULT_REFERRAL_INVITE)[locale]}${code ? html` ${T.yourCode[locale]}: <strong dir="ltr">${code}</strong>` : ""}</p>`;

export function answeredPage(locale: Locale, shop: string, view: AnsweredView, hrefOf: (score: number) => string) {
  const consent = view.band === "promoter" ? html`<label class="consent"><input type="checkbox" name="consent" value="yes"> ${T.consent[locale]}</label>` : "";
  const refer = view.band === "promoter" ? invitation(locale, view.referralInvite, view.referralCode) : "";
  const review = view.reviewUrl ? html`<p><a href="${view.reviewUrl}" rel="noopener noreferrer">${T.review[locale]}</a></p>` : "";
  return page(
    locale,
    shop,
    html`<h1>${view.question[locale]}</h1>
<p>${T.yourAnswer[locale]}: <strong>${numberIn(view.score, locale)}</strong>. ${T.change[locale]}</p>${scale(locale, hrefOf, view.score)}
<form method="post" action="${view.commentAction}"><label for="comment">${view.followUp[locale]}</label><textarea id="comment" name="comment" maxlength="2000">${view.comment ?? ""}</textarea>${consent}<button type="submit">${T.send[locale]}</button></form>${refer}${review}`,
  );
}

export function thanksPage(locale: Locale, shop: string, survey: { thankYou: Text; reviewUrl: string | null; referralInvite: Text | null }, promoter: { referralCode: string | null } | null) {
  const review = survey.reviewUrl ? html`<p><a href="${survey.reviewUrl}" rel="noopener noreferrer">${T.review[locale]}</a></p>` : "";
  return page(locale, shop, html`<h1>${survey.thankYou[locale]}</h1>${promoter ? invitation(locale, survey.referralInvite, promoter.referralCode) : ""}${review}`);
}

export const closedPage = (locale: Locale, shop: string) => page(locale, shop, html`<h1>${T.closed[locale]}</h1>`);
export const unknownPage = (locale: Locale, shop: string) => page(locale, shop, html`<h1>${T.notFound[locale]}</h1>`);
