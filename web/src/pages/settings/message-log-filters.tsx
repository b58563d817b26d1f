// The message log's filters: channel, purpose, status, customer (an id or any identifier) and a
// period of days in the workspace's time zone.
import { useState } from "preact/hooks";
import type { ApiError } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { DateField } from "../../components/date-field";
import { SelectField, TextField } from "../../components/field";
import { useMessages } from "../../i18n/i18n";
import { MESSAGE_STATUSES, PURPOSES } from "../../messaging/message-types";
import { customerWords } from "../customers/customer-words.messages";
import { customerIdFrom } from "./customer-lookup";
import { messageLogMessages } from "./message-log.messages";

export interface MessageLogFilterValues {
  channel: string;
  purpose: string;
  status: string;
  customerId: string;
  from: string;
  to: string;
}

export const NO_MESSAGE_FILTERS: MessageLogFilterValues = { channel: "", purpose: "", status: "", customerId: "", from: "", to: "" };

export function MessageLogFilters({ applied, onApply, queryError }: { applied: MessageLogFilterValues; onApply: (filters: MessageLogFilterValues) => void; queryError: ApiError | undefined }) {
  const t = useMessages(messageLogMessages);
  const w = useMessages(customerWords);
  const [draft, setDraft] = useState(applied);
  const [customer, setCustomer] = useState(applied.customerId);
  const set = (key: keyof MessageLogFilterValues) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const apply = useAction(async () => onApply({ ...draft, customerId: await customerIdFrom(customer, t("customerNotFound")) }));
  const queryField = (name: string) => queryError?.problem.errors?.find((error) => error.path === `query.${name}`)?.message;
  const any = { value: "", label: t("any") };
  return (
    <form
      class="audit-filters"
      noValidate
      aria-label={t("filters")}
      onSubmit={(event) => {
        event.preventDefault();
        void apply.run();
      }}
    >
      <div class="form__row">
        <SelectField label={t("channel")} name="channel" value={draft.channel} onValue={set("channel")} error={queryField("channel")} options={[any, ...(["sms", "email"] as const).map((value) => ({ value, label: w(`channel_${value}`) }))]} />
        <SelectField label={t("purpose")} name="purpose" value={draft.purpose} onValue={set("purpose")} error={queryField("purpose")} options={[any, ...PURPOSES.map((value) => ({ value, label: w(`purpose_${value}`) }))]} />
        <SelectField label={t("status")} name="status" value={draft.status} onValue={set("status")} error={queryField("status")} options={[any, ...MESSAGE_STATUSES.map((value) => ({ value, label: w(`message_${value}`) }))]} />
        <TextField label={t("customer")} name="customer" dir="auto" value={customer} onValue={setCustomer} hint={t("customerHint")} error={apply.error?.fieldError("customer") ?? queryField("customerId")} />
        <DateField label={t("from")} name="from" value={draft.from} onValue={set("from")} error={queryField("from")} />
        <DateField label={t("to")} name="to" value={draft.to} onValue={set("to")} error={queryField("to")} />
      </div>
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={apply.busy}>
          {t("apply")}
        </Button>
        <Button
          onClick={() => {
            setDraft(NO_MESSAGE_FILTERS);
            setCustomer("");
            apply.clearError();
            onApply(NO_MESSAGE_FILTERS);
          }}
        >
          {t("clear")}
        </Button>
      </div>
    </form>
  );
}
