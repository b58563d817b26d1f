// The bell in the top bar: how many of my open tasks are overdue or due today
// (GET /api/tasks/due), read again on every page change, linking to my tasks.
import { Bell } from "lucide-preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api/client";
import { useFormat } from "../i18n/format";
import { useMessages } from "../i18n/i18n";
import { taskBellMessages } from "./task-bell.messages";

interface DueTasks {
  overdue: number;
  dueToday: number;
  capped: boolean;
}

export function TaskBell({ location }: { location: string }) {
  const t = useMessages(taskBellMessages);
  const f = useFormat();
  const [due, setDue] = useState<DueTasks | null>(null);
  useEffect(() => {
    let current = true;
    // A failed read keeps the last count: the bell is a reminder, not a page that can show an error.
    api.get<DueTasks>("/api/tasks/due").then(
      (answer) => current && setDue(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [location]);
  const count = due ? due.overdue + due.dueToday : 0;
  const label = due?.capped ? t("capped", { count }) : count === 0 ? t("none") : count === 1 ? t("one", { count }) : t("many", { count });
  return (
    <a href="/tasks" class="icon-button task-bell" aria-label={label} title={label}>
      <Bell size={20} aria-hidden="true" />
      {count > 0 && (
        <span class={due?.overdue ? "task-bell__count task-bell__count--overdue" : "task-bell__count"} aria-hidden="true">
          {due?.capped ? `${f.number(99)}+` : f.number(count)}
        </span>
      )}
    </a>
  );
}
