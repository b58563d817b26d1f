// Creating a task: what needs doing, notes, when it is due (typed in the reader's calendar, or
// picked: today, tomorrow, in a week), the customer it is about and who does it. The API's
// problems show under the field they are about.
import { useEffect, useRef, useState } from "preact/hooks";
import { localDay, addDays } from "../../../../worker/core/stats/local-day";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { DateField } from "../../components/date-field";
import { Checkbox, TextArea, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { commonMessages } from "../../components/common.messages";
import { CustomerPicker, type ChosenCustomer } from "./customer-picker";
import { dueInstant } from "./due-date";
import type { Task } from "./task-api";
import { tasksMessages } from "./tasks.messages";

export function TaskForm({ initialCustomer, onCreated, onCancel }: { initialCustomer: ChosenCustomer | null; onCreated: (task: Task) => void; onCancel: () => void }) {
  const t = useMessages(tasksMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const { me, can } = useSession();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const [title, setTitle] = useState("");
  const [notes, setNotes] = useState("");
  /** The due day, "YYYY-MM-DD" ("" for none); typed in the reader's calendar by DateField. */
  const [day, setDay] = useState("");
  const [time, setTime] = useState("");
  const [customer, setCustomer] = useState<ChosenCustomer | null>(initialCustomer);
  const [assignToMe, setAssignToMe] = useState(true);
  // The customer named in the address (?customer=) arrives once its name is read.
  useEffect(() => {
    if (initialCustomer) setCustomer((current) => current ?? initialCustomer);
  }, [initialCustomer?.id]);
  const form = useRef<HTMLFormElement>(null);
  // The form opens on a click: typing starts in its first field.
  useEffect(() => form.current?.querySelector("input")?.focus(), []);

  const today = localDay(Date.now(), timeZone);

  const create = useAction(async () => {
    const task = await api.post<Task>("/api/tasks", {
      title,
      ...(notes.trim() ? { notes } : {}),
      ...(day ? { dueAt: new Date(dueInstant(day, time, timeZone)).toISOString() } : {}),
      ...(customer ? { customerId: customer.id } : {}),
      ...(assignToMe ? {} : { assigneeUserId: null }),
    });
    toast(t("created"));
    onCreated(task);
    return task;
  });

  const submit = (event: Event) => {
    event.preventDefault();
    void create.run();
  };

  const quick = [
    { key: "today", day: today },
    { key: "tomorrow", day: addDays(today, 1) },
    { key: "nextWeek", day: addDays(today, 7) },
  ] as const;

  const apiError = create.error;

  return (
    <Card title={t("formTitle")} labelledBy="task-form-title" class="task-form">
      <form ref={form} class="form" onSubmit={submit} noValidate>
        {apiError && !apiError.problem.errors?.length && <ErrorNotice error={apiError} />}
        <TextField label={t("taskTitle")} value={title} onValue={setTitle} required placeholder={t("taskTitlePlaceholder")} error={apiError?.fieldError("title")} name="title" />
        <TextArea label={t("notes")} value={notes} onValue={setNotes} rows={2} error={apiError?.fieldError("notes")} name="notes" />
        <div class="form__row">
          <DateField label={t("dueDate")} value={day} onValue={setDay} hint={t("dueDateHint")} error={apiError?.fieldError("dueAt")} name="dueDate" />
          <TextField label={t("dueTime")} type="time" value={time} onValue={setTime} hint={t("dueTimeHint")} name="dueTime" />
        </div>
        <div class="row" role="group" aria-label={t("quickDates")}>
          {quick.map((option) => (
            <Button key={option.key} small variant="ghost" aria-pressed={day === option.day} onClick={() => setDay(option.day)}>
              {t(option.key)}
            </Button>
          ))}
        </div>
        {can("customers:read") && <CustomerPicker value={customer} onChange={setCustomer} error={apiError?.fieldError("customerId")} />}
        <Checkbox label={t("assignToMe")} hint={t("assignToMeHint")} checked={assignToMe} onChecked={setAssignToMe} name="assignToMe" />
        <div class="form__actions">
          <Button type="submit" variant="primary" busy={create.busy}>
            {t("create")}
          </Button>
          <Button onClick={onCancel}>{common("cancel")}</Button>
        </div>
      </form>
    </Card>
  );
}
