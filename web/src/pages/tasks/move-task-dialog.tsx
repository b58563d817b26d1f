// Moving a calendar's task to another day without dragging: the day typed or picked in the
// reader's calendar (Jalali in Persian), the time of day kept. The keyboard's and the screen
// reader's way to do what a drag does.
import { useEffect, useState } from "preact/hooks";
import { addDays, localDay } from "../../../../worker/core/stats/local-day";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { DateField } from "../../components/date-field";
import { Dialog } from "../../components/dialog";
import { EmbeddedText } from "../../components/embedded-text";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import type { Task } from "./task-api";
import { tasksMessages } from "./tasks.messages";

export function MoveTaskDialog({ task, onClose, onMove }: { task: Task | null; onClose: () => void; onMove: (task: Task, day: string) => void }) {
  const t = useMessages(tasksMessages);
  const common = useMessages(commonMessages);
  const { me } = useSession();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const current = task?.dueAt ? localDay(Date.parse(task.dueAt), timeZone) : "";
  const [day, setDay] = useState(current);
  useEffect(() => setDay(current), [task?.id, current]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!task || !day) return;
    onMove(task, day);
    onClose();
  };

  return (
    <Dialog open={task !== null} title={task ? t("moveTitle", { title: task.title }) : ""} onClose={onClose}>
      {task && (
        <form class="form" onSubmit={submit} noValidate>
          {task.customerId && task.customerName && (
            <p>
              {t("customer")}:{" "}
              <a href={`/customers/${encodeURIComponent(task.customerId)}`}>
                <EmbeddedText>{task.customerName}</EmbeddedText>
              </a>
            </p>
          )}
          <DateField label={t("moveTo")} value={day} onValue={setDay} name="moveTo" hint={t("moveToHint")} />
          <div class="row" role="group" aria-label={t("quickDates")}>
            {current && (
              <>
                <Button small variant="ghost" onClick={() => setDay(addDays(day || current, -1))}>
                  {t("dayBefore")}
                </Button>
                <Button small variant="ghost" onClick={() => setDay(addDays(day || current, 1))}>
                  {t("dayAfter")}
                </Button>
              </>
            )}
          </div>
          <div class="form__actions">
            <Button type="submit" variant="primary" disabled={!day || day === current}>
              {t("move")}
            </Button>
            <Button onClick={onClose}>{common("cancel")}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
