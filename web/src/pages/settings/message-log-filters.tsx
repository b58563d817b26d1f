// The message log's filters: channel, purpose and status, then the customer and the period that
// every log's filter form has (filter-form.tsx).
import type { ApiError } from "../../api/client";
import { SelectField } from "../../components/field";
import { useMessages } from "../../i18n/i18n";
import { MESSAGE_STATUSES, PURPOSES } from "../../messaging/message-types";
import { customerWords } from "../customers/customer-words.messages";
import { FilterForm, filterWords, useFilterDraft } from "./filter-form";
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
  const words = filterWords(t);
  const filters = useFilterDraft(applied, NO_MESSAGE_FILTERS, onApply, queryError, words);
  const { draft, set, queryField } = filters;
  const any = { value: "", label: t("any") };
  return (
    <FilterForm filters={filters} words={words}>
      <SelectField label={t("channel")} name="channel" value={draft.channel} onValue={set("channel")} error={queryField("channel")} options={[any, ...(["sms", "email"] as const).map((value) => ({ value, label: w(`channel_${value}`) }))]} />
      <SelectField label={t("purpose")} name="purpose" value={draft.purpose} onValue={set("purpose")} error={queryField("purpose")} options={[any, ...PURPOSES.map((value) => ({ value, label: w(`purpose_${value}`) }))]} />
      <SelectField label={t("status")} name="status" value={draft.status} onValue={set("status")} error={queryField("status")} options={[any, ...MESSAGE_STATUSES.map((value) => ({ value, label: w(`message_${value}`) }))]} />
    </FilterForm>
  );
}
