// Adds an identifier to a customer (POST /api/customers/{id}/identifiers): a second mobile, a
// shop's customer id. Typed in any form; the API normalizes it and says if another customer has it.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { SelectField, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import type { Customer } from "./customer-types";
import { customerPageMessages } from "./customer-page.messages";
import { ADDABLE_KINDS, customerWords, wordFor } from "./customer-words.messages";
import { unmatchedProblem } from "./field-errors";

/** `path` carries ?reveal=pii when the page shows full values, so the answer matches the page. */
export function AddIdentifierForm({ path, onAdded }: { path: string; onAdded: (customer: Customer) => void }) {
  const t = useMessages(customerPageMessages);
  const w = useMessages(customerWords);
  const toast = useToast();
  const [kind, setKind] = useState<string>("mobile");
  const [value, setValue] = useState("");
  const add = useAction(async () => {
    const customer = await api.post<Customer>(path, { kind, value });
    setValue("");
    toast(t("identifierAdded"));
    onAdded(customer);
  });
  return (
    <form
      class="customer-ids__add"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void add.run();
      }}
    >
      <SelectField
        label={t("identifierKind")}
        name="kind"
        value={kind}
        onValue={setKind}
        options={ADDABLE_KINDS.map((option) => ({ value: option, label: wordFor(w, "kind", option) }))}
        error={add.error?.fieldError("kind")}
      />
      <TextField label={t("identifierValue")} name="value" dir="ltr" value={value} onValue={setValue} error={add.error?.fieldError("value")} autoComplete="off" />
      <Button type="submit" busy={add.busy}>
        {t("addIdentifier")}
      </Button>
      <div class="customer-ids__add-error">
        <ErrorNotice error={unmatchedProblem(add.error, ["kind", "value"])} />
      </div>
    </form>
  );
}
