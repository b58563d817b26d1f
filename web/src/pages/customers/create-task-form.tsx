// "Create task" about this customer (POST /api/tasks): a title and a due time in the workspace's
// time zone, shown back in the user's calendar (Jalali in Persian) so the date is never a guess.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { TextArea, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import type { Task } from "./customer-types";
import { unmatchedProblem } from "./field-errors";
import { quickActionsMessages } from "./quick-actions.messages";
import { tomorrowAt, zonedIso } from "./zoned-time";

export function CreateTaskForm({ customerId, onDone, onCancel }: { customerId: string; onDone: () => void; onCancel: () => void }) {
  const t = useMessages(quickActionsMessages);
  const common = useMessages(commonMessages);
  const f = useFormat();
  const toast = useToast();
  const timeZone = useSession().me?.workspace.timeZone ?? "Asia/Tehran";
  const [title, setTitle] = useState("");
  const [due, setDue] = useState(() => tomorrowAt(10, timeZone));
  const [notes, setNotes] = useState("");
  const dueAt = due ? zonedIso(due, timeZone) : undefined;
  const save = useAction(async () => {
    // A malformed time goes to the API as typed, so its own message explains it.
    await api.post<Task>("/api/tasks", { customerId, title, dueAt: due ? (dueAt ?? due) : undefined, notes: notes.trim() || undefined });
    toast(t("taskCreated"));
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
      <TextField label={t("taskTitle")} name="title" value={title} onValue={setTitle} placeholder={t("taskTitlePlaceholder")} error={save.error?.fieldError("title")} required />
      <TextField
        label={t("due")}
        name="dueAt"
        type="datetime-local"
        dir="ltr"
        value={due}
        onValue={setDue}
        hint={dueAt ? t("dueHint", { when: f.dateTime(dueAt) }) : undefined}
        error={save.error?.fieldError("dueAt")}
      />
      <TextArea label={t("taskNotes")} name="notes" value={notes} onValue={setNotes} rows={2} error={save.error?.fieldError("notes")} />
      <ErrorNotice error={unmatchedProblem(save.error, ["title", "dueAt", "notes"])} />
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={save.busy}>
          {t("saveTask")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
