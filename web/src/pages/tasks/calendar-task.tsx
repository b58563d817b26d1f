// One task on a calendar day: its title, its customer, done or overdue. A task that can be moved
// is a button that can be dragged to another day, or pressed to choose the day from a dialog.
import { EmbeddedText } from "../../components/embedded-text";
import { useMessages } from "../../i18n/i18n";
import type { Task } from "./task-api";
import { tasksMessages } from "./tasks.messages";

export function CalendarTask({ task, canMove, onOpen }: { task: Task; canMove: boolean; onOpen: () => void }) {
  const t = useMessages(tasksMessages);
  const done = task.status === "done";
  const classes = ["calendar-task", done && "calendar-task--done", task.overdue && "calendar-task--overdue"].filter(Boolean).join(" ");
  const content = (
    <>
      {done && (
        <span class="calendar-task__mark" aria-hidden="true">
          ✓
        </span>
      )}
      <span class="calendar-task__title" dir="auto">
        {task.title}
      </span>
      {task.customerName && (
        <span class="calendar-task__customer">
          <EmbeddedText>{task.customerName}</EmbeddedText>
        </span>
      )}
      {done && <span class="visually-hidden">{t("done")}</span>}
      {task.overdue && <span class="calendar-task__overdue">{t("overdueBadge")}</span>}
    </>
  );
  if (!canMove) return <div class={classes}>{content}</div>;
  return (
    <button
      type="button"
      class={classes}
      draggable
      data-task-id={task.id}
      aria-haspopup="dialog"
      title={t("moveHint")}
      onDragStart={(event) => {
        event.dataTransfer?.setData("text/plain", task.id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
      }}
      onClick={onOpen}
    >
      {content}
    </button>
  );
}
