// Saves the list's current filters (stage, tag, city) as a segment (POST /api/segments), so the
// same customers can be listed again, counted, or targeted by plugins later.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { Dialog } from "../../components/dialog";
import { TextArea, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { segmentFilter, type CustomerFilters } from "./customer-filters";
import type { Segment } from "./customer-types";
import { customerWords, wordFor } from "./customer-words.messages";
import { customersListMessages } from "./customers-list.messages";
import { unmatchedProblem } from "./field-errors";

export function SaveSegmentDialog({ open, filters, onClose, onSaved }: { open: boolean; filters: CustomerFilters; onClose: () => void; onSaved: (segment: Segment) => void }) {
  const t = useMessages(customersListMessages);
  const w = useMessages(customerWords);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const filter = segmentFilter(filters);
  const save = useAction(async () => {
    const segment = await api.post<Segment>("/api/segments", { name, description: description.trim() || undefined, filter });
    toast(t("segmentSaved"));
    setName("");
    setDescription("");
    onSaved(segment);
  });
  const conditions = [
    filters.stage && `${t("stage")}: ${wordFor(w, "stage", filters.stage)}`,
    filters.tag.trim() && `${t("tag")}: ${filters.tag.trim()}`,
    filters.city.trim() && `${t("city")}: ${filters.city.trim()}`,
  ].filter(Boolean);

  return (
    <Dialog open={open} title={t("saveSegmentTitle")} onClose={onClose}>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <TextField label={t("segmentName")} name="name" value={name} onValue={setName} error={save.error?.fieldError("name")} required />
        <TextArea label={t("segmentDescription")} name="description" value={description} onValue={setDescription} error={save.error?.fieldError("description")} rows={2} />
        <div>
          <p class="small">{t("segmentWillMatch")}</p>
          <ul class="small">
            {conditions.map((condition) => (
              <li key={condition}>{condition}</li>
            ))}
          </ul>
          {(filters.q.trim() || filters.owner) && <p class="field__hint">{t("segmentLeftOut")}</p>}
        </div>
        <ErrorNotice error={unmatchedProblem(save.error, ["name", "description"])} />
        <div class="form__actions">
          <Button type="submit" variant="primary" busy={save.busy} disabled={filter === null}>
            {t("saveSegmentButton")}
          </Button>
          <Button onClick={onClose}>{common("cancel")}</Button>
        </div>
      </form>
    </Dialog>
  );
}
