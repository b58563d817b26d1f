// The filter form the audit log and the message log share: the fields are edited as a draft and
// applied together (or all cleared); the customer may be typed as an id or any identifier and is
// looked up on apply (customer-lookup.ts); a period is two days in the workspace's time zone.
// Each log adds its own fields between the customer and the period.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { ApiError } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { DateField } from "../../components/date-field";
import { TextField } from "../../components/field";
import { customerIdFrom } from "./customer-lookup";

/** The words a filter form needs, in the reader's language. */
export interface FilterFormWords {
  filters: string;
  customer: string;
  customerHint: string;
  customerNotFound: string;
  from: string;
  to: string;
  apply: string;
  clear: string;
}

export interface FilterValues {
  customerId: string;
  from: string;
  to: string;
}

/** A draft of the filters, applied as a whole; `queryField` is the API's error for a query field. */
export function useFilterDraft<T extends FilterValues>(applied: T, empty: T, onApply: (filters: T) => void, queryError: ApiError | undefined, words: FilterFormWords) {
  const [draft, setDraft] = useState<T>(applied);
  const [customer, setCustomer] = useState(applied.customerId);
  const set = (key: keyof T) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const apply = useAction(async () => onApply({ ...draft, customerId: await customerIdFrom(customer, words.customerNotFound) }));
  const queryField = (name: string) => queryError?.problem.errors?.find((error) => error.path === `query.${name}`)?.message;
  const clear = () => {
    setDraft(empty);
    setCustomer("");
    apply.clearError();
    onApply(empty);
  };
  return { draft, set, customer, setCustomer, apply, queryField, clear };
}

type FilterDraft<T extends FilterValues> = ReturnType<typeof useFilterDraft<T>>;

export function FilterForm<T extends FilterValues>({
  filters,
  words,
  dayHint,
  children,
}: {
  filters: FilterDraft<T>;
  words: FilterFormWords;
  /** Under a day field, the day in words where the picker does not say it. */
  dayHint?: (day: string) => string | undefined;
  /** The log's own fields, shown before the customer and the period. */
  children: ComponentChildren;
}) {
  const { draft, set, customer, setCustomer, apply, queryField, clear } = filters;
  return (
    <form
      class="audit-filters"
      noValidate
      aria-label={words.filters}
      onSubmit={(event) => {
        event.preventDefault();
        void apply.run();
      }}
    >
      <div class="form__row">
        {children}
        <TextField
          label={words.customer}
          name="customer"
          dir="auto"
          value={customer}
          onValue={setCustomer}
          hint={words.customerHint}
          error={apply.error?.fieldError("customer") ?? queryField("customerId")}
        />
        <DateField label={words.from} name="from" value={draft.from} onValue={set("from")} hint={dayHint?.(draft.from)} error={queryField("from")} />
        <DateField label={words.to} name="to" value={draft.to} onValue={set("to")} hint={dayHint?.(draft.to)} error={queryField("to")} />
      </div>
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={apply.busy}>
          {words.apply}
        </Button>
        <Button onClick={clear}>{words.clear}</Button>
      </div>
    </form>
  );
}

const WORD_KEYS = ["filters", "customer", "customerHint", "customerNotFound", "from", "to", "apply", "clear"] as const;

/** The form's words from a page's messages, which name them alike. */
export function filterWords(t: (key: (typeof WORD_KEYS)[number]) => string): FilterFormWords {
  return Object.fromEntries(WORD_KEYS.map((key) => [key, t(key)])) as unknown as FilterFormWords;
}
