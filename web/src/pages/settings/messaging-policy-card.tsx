// The workspace's sending policy (settings:manage; the `messaging` part of /api/settings): quiet
// hours for marketing, the caps per customer and channel and the daily marketing limit (the price
// per SMS part is set with the SMS provider, the opt-out words too). Numbers and times are typed in
// either script; a refused value's error is shown at its field.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { TextField } from "../../components/field";
import { ErrorNotice, Loading } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { unmatchedProblem } from "../customers/field-errors";
import { policyMessages } from "./messaging-policy.messages";
import { readNumber, toAsciiDigits } from "./number-text";

export interface MessagingPolicySettings {
  quietHours: { start: string; end: string };
  caps: { perDay: number; perWeek: number };
  dailyLimit: number | null;
  /** What one SMS part costs per provider kind, in the currency's minor units. */
  smsPricePerPart: Record<string, number>;
}

/** Saves part of the policy (the API keeps the rest as stored) and gives back the whole of it. */
export async function saveMessagingPolicy(change: Partial<MessagingPolicySettings>): Promise<MessagingPolicySettings> {
  return (await api.patch<{ messaging: MessagingPolicySettings }>("/api/settings", { messaging: change })).messaging;
}

export function MessagingPolicyCard() {
  const t = useMessages(policyMessages);
  const { me } = useSession();
  const settings = useResource<{ messaging: MessagingPolicySettings }>("/api/settings");
  const policy = { ...settings, data: settings.data?.messaging, mutate: (messaging: MessagingPolicySettings) => settings.mutate((current) => ({ ...current!, messaging })) };
  return (
    <Card title={t("title")} labelledBy="messaging-policy-heading">
      {policy.error && !policy.data ? (
        <ErrorNotice error={policy.error} onRetry={() => void policy.reload()} />
      ) : !policy.data ? (
        <Loading />
      ) : (
        <PolicyForm initial={policy.data} timeZone={me?.workspace.timeZone ?? "Asia/Tehran"} onSaved={(next) => policy.mutate(next)} />
      )}
    </Card>
  );
}

function PolicyForm({ initial, timeZone, onSaved }: { initial: MessagingPolicySettings; timeZone: string; onSaved: (policy: MessagingPolicySettings) => void }) {
  const t = useMessages(policyMessages);
  const common = useMessages(commonMessages);
  const f = useFormat();
  const toast = useToast();
  const shown = (value: number | null) => (value === null ? "" : f.digits(String(value)));
  const [start, setStart] = useState(f.digits(initial.quietHours.start));
  const [end, setEnd] = useState(f.digits(initial.quietHours.end));
  const [perDay, setPerDay] = useState(shown(initial.caps.perDay));
  const [perWeek, setPerWeek] = useState(shown(initial.caps.perWeek));
  const [dailyLimit, setDailyLimit] = useState(shown(initial.dailyLimit));

  const save = useAction(async () => {
    const change = {
      quietHours: { start: toAsciiDigits(start).trim(), end: toAsciiDigits(end).trim() },
      caps: { perDay: readNumber(perDay) ?? null, perWeek: readNumber(perWeek) ?? null },
      dailyLimit: readNumber(dailyLimit) ?? null,
    } as unknown as Partial<MessagingPolicySettings>;
    onSaved(await saveMessagingPolicy(change));
    toast(t("saved"));
  });
  const error = (field: string) => save.error?.fieldError(`messaging.${field}`) ?? save.error?.fieldError(field);

  return (
    <form
      class="form settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <fieldset class="plain-fieldset">
        <legend class="field__label">{t("quietHours")}</legend>
        <p class="field__hint">{t("quietHoursHint", { zone: timeZone })}</p>
        <div class="form__row">
          <TextField label={t("from")} name="quietStart" dir="ltr" inputMode="numeric" placeholder={f.digits("09:00")} value={start} onValue={setStart} error={error("quietHours.start")} />
          <TextField label={t("until")} name="quietEnd" dir="ltr" inputMode="numeric" placeholder={f.digits("21:00")} value={end} onValue={setEnd} error={error("quietHours.end") ?? error("quietHours")} />
        </div>
      </fieldset>
      <fieldset class="plain-fieldset">
        <legend class="field__label">{t("caps")}</legend>
        <p class="field__hint">{t("capsHint")}</p>
        <div class="form__row">
          <TextField label={t("perDay")} name="perDay" inputMode="numeric" value={perDay} onValue={setPerDay} error={error("caps.perDay")} />
          <TextField label={t("perWeek")} name="perWeek" inputMode="numeric" value={perWeek} onValue={setPerWeek} error={error("caps.perWeek") ?? error("caps")} />
        </div>
      </fieldset>
      <TextField label={t("dailyLimit")} name="dailyLimit" inputMode="numeric" value={dailyLimit} onValue={setDailyLimit} hint={t("dailyLimitHint")} error={error("dailyLimit")} />
      <ErrorNotice error={unmatchedProblem(save.error, ["messaging.quietHours", "messaging.caps", "messaging.dailyLimit", "quietHours", "caps", "dailyLimit"])} />
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={save.busy}>
          {common("save")}
        </Button>
      </div>
    </form>
  );
}
