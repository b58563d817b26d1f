// "Log a call" and "Add note": one interaction (POST /api/customers/{id}/interactions) with the
// API's field errors under their inputs.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { SelectField, TextArea } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import type { Interaction } from "./customer-types";
import { unmatchedProblem } from "./field-errors";
import { quickActionsMessages } from "./quick-actions.messages";

export function LogInteractionForm({ customerId, type, onDone, onCancel }: { customerId: string; type: "call" | "note"; onDone: () => void; onCancel: () => void }) {
  const t = useMessages(quickActionsMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const [direction, setDirection] = useState<"inbound" | "outbound">("outbound");
  const [summary, setSummary] = useState("");
  const save = useAction(async () => {
    const body = type === "call" ? { type, channel: "phone", direction, summary } : { type, summary };
    await api.post<Interaction>(`/api/customers/${encodeURIComponent(customerId)}/interactions`, body);
    toast(type === "call" ? t("callLogged") : t("noteAdded"));
    onDone();
  });
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      {type === "call" && (
        <SelectField
          label={t("direction")}
          name="direction"
          value={direction}
          onValue={(value) => setDirection(value as "inbound" | "outbound")}
          options={[
            { value: "outbound", label: t("outbound") },
            { value: "inbound", label: t("inbound") },
          ]}
          error={save.error?.fieldError("direction")}
        />
      )}
      <TextArea label={type === "call" ? t("callSummary") : t("noteText")} name="summary" value={summary} onValue={setSummary} rows={4} error={save.error?.fieldError("summary")} required />
      <ErrorNotice error={unmatchedProblem(save.error, ["summary", "direction"])} />
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={save.busy}>
          {type === "call" ? t("saveCall") : t("saveNote")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
