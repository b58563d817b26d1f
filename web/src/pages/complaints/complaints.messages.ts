import { defineMessages } from "../../i18n/i18n";

/** The complaints page: the complaints still to work through, the longest waiting first. */
export const complaintsMessages = defineMessages({
  en: {
    title: "Complaints",
    subtitle: "Open and in-progress complaints, the longest waiting first. Log one from the customer's page.",
    empty: "No complaint is waiting. Well done.",
    show: "Show",
    waiting: "Waiting (open and in progress)",
    resolved: "Resolved",
    since: "Logged {when}",
    startWork: "Start working on it",
    resolve: "Mark resolved",
    reopen: "Reopen",
    changed: "Complaint updated",
    unknownCustomer: "A customer no longer on file",
  },
  fa: {
    title: "شکایت‌ها",
    subtitle: "شکایت‌های باز و در حال رسیدگی، قدیمی‌ترین در بالا. شکایت را از صفحهٔ مشتری ثبت کنید.",
    empty: "هیچ شکایتی در انتظار نیست. آفرین.",
    show: "نمایش",
    waiting: "در انتظار (باز و در حال رسیدگی)",
    resolved: "حل‌شده",
    since: "ثبت: {when}",
    startWork: "شروع رسیدگی",
    resolve: "حل شد",
    reopen: "بازگشایی",
    changed: "شکایت به‌روز شد",
    unknownCustomer: "مشتری‌ای که دیگر در پرونده‌ها نیست",
  },
});
