// The words of the daily task digest, in the person's language: how many of their open tasks are
// overdue and due today, and the first few by title. An SMS stays short (the counts and the first
// title); an e-mail lists up to five.
import type { Locale } from "../i18n/locale";
import type { MessageChannel } from "../messaging/messaging.schema";

export interface DigestTasks {
  overdue: number;
  dueToday: number;
  /** The soonest due first, at most DIGEST_TITLES. */
  first: Array<{ title: string; overdue: boolean }>;
}

export const DIGEST_TITLES = 5;

const digits = (locale: Locale, value: number) => new Intl.NumberFormat(locale === "fa" ? "fa-IR" : "en-US", { useGrouping: false }).format(value);

const WORDS = {
  en: {
    subject: "Your tasks for today",
    counts: (overdue: string, dueToday: string) => `${overdue} overdue, ${dueToday} due today.`,
    overdue: " (overdue)",
    more: (count: string) => `…and ${count} more.`,
    greeting: (name: string) => `Hello ${name},`,
  },
  fa: {
    subject: "کارهای امروز شما",
    counts: (overdue: string, dueToday: string) => `${overdue} کار عقب‌افتاده، ${dueToday} کار سررسید امروز.`,
    overdue: " (عقب‌افتاده)",
    more: (count: string) => `…و ${count} کار دیگر.`,
    greeting: (name: string) => `${name} گرامی،`,
  },
} as const;

export function digestText(channel: MessageChannel, locale: Locale, name: string, tasks: DigestTasks): { subject: string | null; body: string } {
  const words = WORDS[locale];
  const counts = words.counts(digits(locale, tasks.overdue), digits(locale, tasks.dueToday));
  if (channel === "sms") {
    const first = tasks.first[0];
    return { subject: null, body: first ? `${counts}\n${first.title}` : counts };
  }
  const lines = tasks.first.map((task) => `- ${task.title}${task.overdue ? words.overdue : ""}`);
  const rest = tasks.overdue + tasks.dueToday - tasks.first.length;
  return { subject: words.subject, body: [words.greeting(name), "", counts, "", ...lines, ...(rest > 0 ? [words.more(digits(locale, rest))] : [])].join("\n") };
}
