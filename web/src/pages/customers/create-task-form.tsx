// "Create task" about this customer (POST /api/tasks): a title and a due day (Jalali in Persian)
// and time in the workspace's time zone, shown back whole so the moment is never a guess.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { DateField } from "../../components/date-field";
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

const END_OF_DAY = "23:59";

export function CreateTaskForm({ customerId, onDone, onCancel }: { customerId: string; onDone: () => void; onCancel: () => void }) {
  const t = useMessages(quickActionsMessages);
  const common = useMessages(commonMessages);
  const f = useFormat();
  const toast = useToast();
  const timeZone = useSession().me?.workspace.timeZone ?? "Asia/Tehran";
  const [title, setTitle] = useState("");
  const [dueDay, setDueDay] = useState(() => tomorrowAt(10, timeZone).slice(0, 10));
  const [dueTime, setDueTime] = useState(() => tomorrowAt(10, timeZone).slice(11));
  const [notes, setNotes] = useState("");
  // A day without a time is due at the end of that day, as on the tasks page.
  const due = dueDay ? `${dueDay}T${dueTime || END_OF_DAY}` : "";
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
      <div class="form__row form__row--top">
        <DateField label={t("due")} name="dueDay" value={dueDay} onValue={setDueDay} error={save.error?.fieldError("dueAt")} />
        <TextField
          label={t("dueTime")}
          name="dueTime"
          type="time"
          dir="ltr"
          value={dueTime}
          onValue={setDueTime}
          hint={dueAt ? t("dueHint", { when: f.dateTime(dueAt) }) : undefined}
        />
      </div>
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
