// Where a password-reset link goes. A reset link is a key to someone's account, so it never goes
// back to a caller who could not already act as that person: with an e-mail provider it goes to
// the person's own inbox; without one, only an owner (who controls the workspace anyway) or the
// person themselves gets it in the answer.
import type { Locale } from "../i18n/locale";
import type { StaffEmail } from "../messaging/staff-email";
import type { Grantor } from "../roles/role-policy";

/** The caller may see the link: they are the person, or an owner. */
export const mayReceiveResetLink = (grantor: Grantor, callerId: string, targetId: string) => grantor.roleKey === "owner" || callerId === targetId;

const RESET_MAIL: Record<Locale, { subject: string; body: (link: string) => string }> = {
  en: {
    subject: "Set a new password",
    body: (link) =>
      `Your password was reset and you were signed out.\n\nOpen this link within 24 hours to set a new one (it works once):\n${link}\n\nIf you did not expect this, tell the owner of your workspace.`,
  },
  fa: {
    subject: "گذاشتن گذرواژهٔ تازه",
    body: (link) =>
      `گذرواژهٔ شما بازنشانی شد و از حساب بیرون رفتید.\n\nتا ۲۴ ساعت با این پیوند (که فقط یک بار کار می‌کند) گذرواژهٔ تازه بگذارید:\n${link}\n\nاگر انتظارش را نداشتید، به مالک کسب‌وکار خبر دهید.`,
  },
};

const RECOVERY_MAIL: Record<Locale, { subject: string; body: (link: string) => string }> = {
  en: {
    subject: "Set a new password",
    body: (link) =>
      `Someone (we hope you) asked to set a new password for your account.\n\nOpen this link within 30 minutes to choose one (it works once, and every session of yours will be signed out):\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.`,
  },
  fa: {
    subject: "گذاشتن گذرواژهٔ تازه",
    body: (link) =>
      `کسی (امیدواریم خودتان) خواسته است برای حساب شما گذرواژهٔ تازه‌ای گذاشته شود.\n\nتا ۳۰ دقیقه با این پیوند (که فقط یک بار کار می‌کند و همهٔ نشست‌های شما را می‌بندد) گذرواژهٔ تازه بگذارید:\n${link}\n\nاگر شما نبودید، این نامه را نادیده بگیرید: گذرواژهٔ شما تغییری نمی‌کند.`,
  },
};

/** The mail of a link the person asked for ("forgot password"), in their language. */
export function recoveryMail(recovery: { id: string; email: string; locale: Locale; link: string }): StaffEmail {
  const mail = RECOVERY_MAIL[recovery.locale];
  return { id: recovery.id, to: recovery.email, subject: mail.subject, body: mail.body(recovery.link) };
}

/** The reset mail in the person's language. */
export function resetMail(reset: { id: string; email: string; locale: Locale; link: string }): StaffEmail {
  const mail = RESET_MAIL[reset.locale];
  return { id: reset.id, to: reset.email, subject: mail.subject, body: mail.body(reset.link) };
}
