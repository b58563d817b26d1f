// The owner's switch for sign-in by SMS code (PATCH /api/settings { smsSignIn }). Refused with a
// reason when no SMS provider is set; the change is audited by the API.
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Card } from "../../components/card";
import { ErrorNotice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { defineMessages } from "../../i18n/i18n";
import { Switch } from "./switch";

const messages = defineMessages({
  en: {
    heading: "Sign-in by SMS code",
    allow: "Staff may sign in with a one-time code sent to the mobile on their profile",
    hint: "Needs an SMS provider (Messaging). Each code works once, for 5 minutes and 5 tries.",
  },
  fa: {
    heading: "ورود با کد پیامکی",
    allow: "همکاران بتوانند با کد یک‌بارمصرفی که به موبایل پروفایلشان فرستاده می‌شود وارد شوند",
    hint: "به سرویس پیامک (پیام‌رسانی) نیاز دارد. هر کد فقط یک بار، تا ۵ دقیقه و با ۵ بار تلاش کار می‌کند.",
  },
});

export function SmsSignInCard({ enabled, onSaved }: { enabled: boolean; onSaved: (enabled: boolean) => void }) {
  const t = useMessages(messages);
  const save = useAction(async (next: boolean) => {
    const saved = await api.patch<{ smsSignIn: boolean }>("/api/settings", { smsSignIn: next });
    onSaved(saved.smsSignIn);
  });
  return (
    <Card title={t("heading")} labelledBy="sms-sign-in-heading">
      <Switch label={t("allow")} checked={enabled} busy={save.busy} onChange={(next) => void save.run(next)} />
      <p class="field__hint">{t("hint")}</p>
      <ErrorNotice error={save.error} />
    </Card>
  );
}
