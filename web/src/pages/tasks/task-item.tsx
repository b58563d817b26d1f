// One task in the list: a checkbox that marks it done or opens it again, its title and notes, when
// it is due (Jalali in Persian), the customer it is about and whether it is the reader's.
import { useId } from "preact/hooks";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { isEndOfDay } from "./due-date";
import type { Task } from "./task-api";
import { tasksMessages } from "./tasks.messages";
import { EmbeddedText } from "../../components/embedded-text";

interface TaskItemProps {
  task: Task;
  /** undefined while it is being read, null when the customer cannot be shown. */
  customerName: string | null | undefined;
  canWrite: boolean;
  busy: boolean;
  error: string | undefined;
  onToggle: (task: Task) => void;
}

export function TaskItem({ task, customerName, canWrite, busy, error, onToggle }: TaskItemProps) {
  const t = useMessages(tasksMessages);
  const f = useFormat();
  const { me } = useSession();
  const id = useId();
  const done = task.status === "done";
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const dueAt = task.dueAt ? Date.parse(task.dueAt) : null;
  const due = dueAt === null ? null : isEndOfDay(dueAt, timeZone) ? f.date(dueAt) : f.dateTime(dueAt);
  return (
    <li class={["task", done && "task--done", task.overdue && "task--overdue"].filter(Boolean).join(" ")} aria-busy={busy || undefined}>
      <input
        id={`${id}-check`}
        type="checkbox"
        class="task__check"
        checked={done}
        disabled={!canWrite || busy || task.status === "cancelled"}
        title={done ? t("reopen", { title: task.title }) : t("markDone", { title: task.title })}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={() => onToggle(task)}
      />
      <div class="task__body">
        <label for={`${id}-check`} class="task__title" dir="auto">
          {task.title}
        </label>
        {task.notes && (
          <p class="task__notes" dir="auto">
            {task.notes}
          </p>
        )}
        <div class="task__meta">
          {task.overdue && <span class="badge badge--danger">{t("overdueBadge")}</span>}
          {task.status === "cancelled" && <span class="badge">{t("cancelledBadge")}</span>}
          {done && task.completedAt ? (
            <span class="badge badge--success">{t("doneBadge", { date: f.date(task.completedAt) })}</span>
          ) : (
            <span class="task__due">{due ? t("due", { date: due }) : t("noDue")}</span>
          )}
          {task.customerId && (
            <a href={`/customers/${encodeURIComponent(task.customerId)}`} class="task__customer">
              {customerName ? <EmbeddedText>{customerName}</EmbeddedText> : customerName === null ? t("customerUnknown") : t("customer")}
            </a>
          )}
          {task.assigneeUserId === null ? <span class="muted">{t("unassigned")}</span> : task.assigneeUserId === me?.user.id && <span class="muted">{t("forYou")}</span>}
        </div>
        {error && (
          <p id={`${id}-error`} class="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}
