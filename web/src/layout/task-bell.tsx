// The bell in the top bar: how many of my open tasks are overdue or due today, and how many
// someone else has given me since I last opened the bell (GET /api/tasks/due), read again on
// every page change, linking to my tasks. The time the bell was last opened is kept in this
// browser, per user; without one the API looks back a day.
import { Bell } from "lucide-preact";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api/client";
import { useFormat } from "../i18n/format";
import { useMessages } from "../i18n/i18n";
import { useSession } from "../session/session";
import { taskBellMessages } from "./task-bell.messages";

interface DueTasks {
  overdue: number;
  dueToday: number;
  capped: boolean;
  newlyAssigned: number;
}

const openedKey = (userId: string) => `taskBellOpened:${userId}`;

function lastOpened(userId: string): string | undefined {
  try {
    return localStorage.getItem(openedKey(userId)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function TaskBell({ location }: { location: string }) {
  const t = useMessages(taskBellMessages);
  const f = useFormat();
  const userId = useSession().me?.user.id ?? "";
  const [due, setDue] = useState<DueTasks | null>(null);
  useEffect(() => {
    let current = true;
    // A failed read keeps the last count: the bell is a reminder, not a page that can show an error.
    api.get<DueTasks>("/api/tasks/due", { assignedSince: lastOpened(userId) }).then(
      (answer) => current && setDue(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [location, userId]);
  const count = due ? due.overdue + due.dueToday : 0;
  const fresh = due?.newlyAssigned ?? 0;
  const dueLabel = due?.capped ? t("capped", { count }) : count === 0 ? t("none") : count === 1 ? t("one", { count }) : t("many", { count });
  const label = fresh === 0 ? dueLabel : `${dueLabel}${t("separator")}${fresh === 1 ? t("newOne", { count: fresh }) : t("newMany", { count: fresh })}`;
  const open = () => {
    try {
      localStorage.setItem(openedKey(userId), new Date().toISOString());
    } catch {
      // Without storage the bell keeps looking back a day.
    }
    setDue((current) => current && { ...current, newlyAssigned: 0 });
  };
  return (
    <a href="/tasks" class="icon-button task-bell" aria-label={label} title={label} onClick={open}>
      <Bell size={20} aria-hidden="true" />
      {count > 0 && (
        <span class={due?.overdue ? "task-bell__count task-bell__count--overdue" : "task-bell__count"} aria-hidden="true">
          {due?.capped ? `${f.number(99)}+` : f.number(count)}
        </span>
      )}
      {fresh > 0 && <span class="task-bell__new" aria-hidden="true" />}
    </a>
  );
}
