// The fields of a new task, the same wherever one is made (the tasks page, a customer's page, a
// logged call's follow-up): title, notes, the due day in the reader's calendar with quick picks
// and a 24-hour time, who does it (an active staff member, or nobody yet), and the customer it is
// about, fixed when it is made from that customer. The caller owns the draft and the request.
import { useId, useState } from "preact/hooks";
import { addDays, localDay } from "../../../../worker/core/stats/local-day";
import { Button } from "../../components/button";
import { DateField } from "../../components/date-field";
import { SelectField, TextArea, TextField } from "../../components/field";
import { EmbeddedText } from "../../components/embedded-text";
import { TimeField } from "../../components/time-field";
import { isTimeOfDay } from "../../components/time-of-day";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { useStaff } from "../customers/use-staff";
import { CustomerPicker, type ChosenCustomer } from "./customer-picker";
import { dueInstant } from "./due-date";
import type { TaskDraft } from "./task-draft";
import { taskFormMessages } from "./task-form.messages";

/** A new task's draft: due tomorrow at 10:00 in the workspace's zone, for the reader. */
export function useTaskDraft(customer: ChosenCustomer | null): [TaskDraft, (changes: Partial<TaskDraft>) => void] {
  const { me } = useSession();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const [draft, setDraft] = useState<TaskDraft>(() => ({
    title: "",
    notes: "",
    day: addDays(localDay(Date.now(), timeZone), 1),
    time: "10:00",
    assigneeUserId: me?.user.id ?? "",
    customer,
  }));
  return [draft, (changes) => setDraft((current) => ({ ...current, ...changes }))];
}

interface TaskFieldsProps {
  draft: TaskDraft;
  onDraft: (changes: Partial<TaskDraft>) => void;
  /** The API's message for one body field ("title", "dueAt", ...). */
  errorOf: (field: string) => string | undefined;
  /** The customer cannot be changed: the task is made from their page. */
  customerFixed?: boolean;
  /** The title takes the focus when the form opens (a dialog's showModal honours it). */
  autofocus?: boolean;
}

export function TaskFields({ draft, onDraft, errorOf, customerFixed = false, autofocus = false }: TaskFieldsProps) {
  const t = useMessages(taskFormMessages);
  const f = useFormat();
  const { me, can } = useSession();
  const { staff } = useStaff();
  const id = useId();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const today = localDay(Date.now(), timeZone);
  const quick = [
    { key: "today", day: today },
    { key: "tomorrow", day: addDays(today, 1) },
    { key: "nextWeek", day: addDays(today, 7) },
    { key: "noDueDate", day: "" },
  ] as const;
  const time = draft.time.trim();
  const timeIsBad = time !== "" && !isTimeOfDay(time);
  const due = draft.day && !timeIsBad ? dueInstant(draft.day, time, timeZone) : null;
  // A bad time makes the API refuse the due time: the time field is the one to say so.
  const dueError = errorOf("dueAt");
  const assignees = [...staff.map((member) => ({ value: member.id, label: member.name })), { value: "", label: t("nobody") }];

  return (
    <>
      <TextField
        label={t("taskTitle")}
        name="title"
        value={draft.title}
        onValue={(title) => onDraft({ title })}
        placeholder={t("taskTitlePlaceholder")}
        error={errorOf("title")}
        required
        autofocus={autofocus}
      />
      <TextArea label={t("notes")} name="notes" value={draft.notes} onValue={(notes) => onDraft({ notes })} rows={2} error={errorOf("notes")} />
      <div class="form__row form__row--top">
        <DateField label={t("dueDate")} name="dueDate" value={draft.day} onValue={(day) => onDraft({ day })} error={timeIsBad ? undefined : dueError} />
        <TimeField
          label={t("dueTime")}
          name="dueTime"
          value={draft.time}
          onValue={(next) => onDraft({ time: next })}
          error={timeIsBad ? dueError : undefined}
          hint={due === null ? t("dueTimeHint") : t("dueWhen", { when: f.dateTime(due) })}
        />
      </div>
      <div class="row" role="group" aria-label={t("quickDates")}>
        {quick.map((option) => (
          <Button key={option.key} small variant="ghost" aria-pressed={draft.day === option.day} onClick={() => onDraft({ day: option.day })}>
            {t(option.key)}
          </Button>
        ))}
      </div>
      <SelectField label={t("assignee")} name="assignee" value={draft.assigneeUserId} onValue={(assigneeUserId) => onDraft({ assigneeUserId })} options={assignees} error={errorOf("assigneeUserId")} />
      {customerFixed ? (
        draft.customer && (
          <div class="field">
            <span class="field__label" id={`${id}-customer`}>
              {t("customer")}
            </span>
            <p aria-labelledby={`${id}-customer`}>
              <EmbeddedText>{draft.customer.name}</EmbeddedText>
            </p>
          </div>
        )
      ) : (
        can("customers:read") && <CustomerPicker value={draft.customer} onChange={(customer) => onDraft({ customer })} error={errorOf("customerId")} />
      )}
    </>
  );
}
