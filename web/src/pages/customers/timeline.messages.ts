import { defineMessages } from "../../i18n/i18n";

/** The customer's timeline: one title per kind of entry. */
export const timelineMessages = defineMessages({
  en: {
    title: "Timeline",
    empty: "Nothing has happened with this customer yet.",
    interaction: "{type} · {direction}",
    task: "Task: {title}",
    taskDue: "due",
    order: "Order",
    stageChange: "Stage: {from} → {to}",
    cause_order: "after an order",
    cause_schedule: "with time",
    cause_merge: "by a merge",
    other: "{kind}",
    via: "via {channel}",
  },
  fa: {
    title: "تاریخچه",
    empty: "هنوز چیزی با این مشتری ثبت نشده است.",
    interaction: "{type} · {direction}",
    task: "کار: {title}",
    taskDue: "موعد",
    order: "سفارش",
    stageChange: "مرحله: {from} ← {to}",
    cause_order: "پس از یک سفارش",
    cause_schedule: "با گذشت زمان",
    cause_merge: "در ادغام",
    other: "{kind}",
    via: "از {channel}",
  },
});
