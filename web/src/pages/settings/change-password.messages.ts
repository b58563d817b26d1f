import { defineMessages } from "../../i18n/i18n";

export const changePasswordMessages = defineMessages({
  en: {
    heading: "Password",
    current: "Current password",
    new: "New password",
    newHint: "At least 10 characters. Your other signed-in devices will be signed out.",
    submit: "Change password",
    changed: "Password changed.",
    changedElsewhere: "Password changed. Other sessions signed out: {count}.",
  },
  fa: {
    heading: "گذرواژه",
    current: "گذرواژهٔ فعلی",
    new: "گذرواژهٔ تازه",
    newHint: "دست‌کم ۱۰ نویسه. از دستگاه‌های دیگری که با آن‌ها وارد شده‌اید خارج می‌شوید.",
    submit: "تغییر گذرواژه",
    changed: "گذرواژه تغییر کرد.",
    changedElsewhere: "گذرواژه تغییر کرد. از {count} دستگاه دیگر خارج شدید.",
  },
});
