// The audit log's filters: the person (chosen from the staff list when the viewer may read it) and
// the action, then the customer and the period that every log's filter form has (filter-form.tsx).
import { useId } from "preact/hooks";
import type { ApiError, Page } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { SelectField } from "../../components/field";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { auditActionMessages, auditMessages } from "./audit.messages";
import { FilterForm, filterWords, useFilterDraft } from "./filter-form";
import { startOfDay } from "./zoned-day";

export interface AuditFilterValues {
  actor: string;
  action: string;
  customerId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { actor: "", action: "", customerId: "", from: "", to: "" };

const ACTIONS = Object.keys(auditActionMessages.en);

export interface AuditActor {
  id: string;
  name: string;
  email: string;
}

export function AuditFilters({
  applied,
  onApply,
  queryError,
  seenActors,
}: {
  applied: AuditFilterValues;
  onApply: (filters: AuditFilterValues) => void;
  queryError: ApiError | undefined;
  /** People in the entries loaded so far: the choice when the staff list may not be read. */
  seenActors: AuditActor[];
}) {
  const t = useMessages(auditMessages);
  const f = useFormat();
  const { can, me } = useSession();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const staff = useResource<Page<AuditActor>>(can("users:manage") ? "/api/users" : null, { limit: 200 });
  const actors = staff.data?.items ?? seenActors;
  const words = filterWords(t);
  const filters = useFilterDraft(applied, NO_FILTERS, onApply, queryError, words);
  const { draft, set, queryField } = filters;
  // Under the browser's Gregorian picker, the day in words; the Jalali parts already say it.
  const dayHint = (day: string) => (day && f.language === "en" ? f.date(startOfDay(day, timeZone)) : undefined);

  return (
    <FilterForm filters={filters} words={words} dayHint={dayHint}>
      <SelectField
        label={t("actor")}
        name="actor"
        value={draft.actor}
        onValue={set("actor")}
        error={queryField("actor")}
        options={[{ value: "", label: t("anyone") }, ...actors.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))]}
      />
      <ActionField value={draft.action} onValue={set("action")} error={queryField("action")} />
    </FilterForm>
  );
}

/** Free text with the known actions offered as suggestions (a plugin may audit its own). */
function ActionField({ value, onValue, error }: { value: string; onValue: (value: string) => void; error: string | undefined }) {
  const t = useMessages(auditMessages);
  const actionText = useMessages(auditActionMessages);
  const id = useId();
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={id} class="field__label">
        {t("action")}
      </label>
      <input
        id={id}
        name="action"
        class="input"
        dir="ltr"
        list={`${id}-actions`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        onInput={(event) => onValue((event.target as HTMLInputElement).value)}
      />
      <p id={`${id}-note`} class={error ? "field__error" : "field__hint"}>
        {error ?? t("actionHint")}
      </p>
      <datalist id={`${id}-actions`}>
        {ACTIONS.map((action) => (
          <option key={action} value={action}>
            {actionText(action as keyof typeof auditActionMessages.en)}
          </option>
        ))}
      </datalist>
    </div>
  );
}
