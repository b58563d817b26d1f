// The tasks of a week or a month on their due days (GET /api/tasks?dueFrom&dueTo, 200 a page,
// "more" when a range holds more). Jalali months and Saturday-first weeks in Persian, Gregorian
// months and the workspace's week start in English. A task is moved to another day by dragging it
// there, or, from the keyboard or a screen reader, by opening it and choosing the day: either way
// one PATCH of its due time, which keeps its time of day, shown at once and taken back if refused.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { addDays, localDay, startOfDay } from "../../../../worker/core/stats/local-day";
import { api, type Query } from "../../api/client";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { ErrorNotice, Loading } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useLanguage, useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { weekStartDay } from "../dashboard/buckets";
import { calendarRange, dayOfMonth, type CalendarLayout } from "./calendar-grid";
import { CalendarTask } from "./calendar-task";
import { MoveTaskDialog } from "./move-task-dialog";
import type { Task } from "./task-api";
import { tasksMessages } from "./tasks.messages";
import { useTaskPages } from "./use-task-pages";

/** The API's largest page: a busy month in one read. */
const CALENDAR_PAGE_SIZE = 200;
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** The same task due on `day`, at the same time of day, in the workspace's zone. */
export function dueOnDay(dueAt: string, day: string, timeZone: string): number {
  const at = Date.parse(dueAt);
  return startOfDay(day, timeZone) + (at - startOfDay(localDay(at, timeZone), timeZone));
}

/** `refresh` changes when a task was created elsewhere on the page, so the range is read again. */
export function TaskCalendar({ layout, query, canWrite, refresh }: { layout: CalendarLayout; query: Query; canWrite: boolean; refresh: number }) {
  const t = useMessages(tasksMessages);
  const common = useMessages(commonMessages);
  const f = useFormat();
  const toast = useToast();
  const { language } = useLanguage();
  const { me } = useSession();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const jalali = language === "fa";
  // Persian weeks start on Saturday; English ones on the day the workspace counts its weeks from.
  const weekStartsOn = jalali ? 6 : weekStartDay(me?.workspace.weekStart ?? "saturday");
  const today = localDay(Date.now(), timeZone);
  const [anchor, setAnchor] = useState(today);
  const range = calendarRange(anchor, layout, jalali, weekStartsOn);
  const first = range.days[0]!;
  const last = range.days.at(-1)!;
  const tasks = useTaskPages(
    { ...query, dueFrom: new Date(startOfDay(first, timeZone)).toISOString(), dueTo: new Date(startOfDay(addDays(last, 1), timeZone)).toISOString() },
    CALENDAR_PAGE_SIZE,
  );
  useEffect(() => {
    if (refresh) void tasks.reload();
  }, [refresh]);
  const [moving, setMoving] = useState<Task | null>(null);
  const [dropDay, setDropDay] = useState<string | null>(null);
  // A task moved from the dialog keeps the focus on its new day (its button is drawn anew there).
  const [followed, setFollowed] = useState<string | null>(null);
  const days = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!followed) return;
    days.current?.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(followed)}"]`)?.focus();
    setFollowed(null);
  }, [followed, tasks.items]);

  const locale = jalali ? "fa-IR-u-ca-persian" : "en-GB";
  const formats = useMemo(
    () => ({
      month: new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", year: "numeric" }),
      day: new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "short" }),
      full: new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      weekday: new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short" }),
    }),
    [locale],
  );
  const title =
    layout === "month" ? formats.month.format(noon(anchor)) : t("weekOf", { first: formats.day.format(noon(first)), last: formats.day.format(noon(last)) });

  const byDay = useMemo(() => {
    const days = new Map<string, Task[]>();
    for (const task of tasks.items) {
      if (!task.dueAt || task.status === "cancelled") continue;
      const day = localDay(Date.parse(task.dueAt), timeZone);
      days.set(day, [...(days.get(day) ?? []), task]);
    }
    return days;
  }, [tasks.items, timeZone]);

  /** One PATCH of the due time; the calendar changes first and the API's answer (or refusal) settles it. */
  const move = async (task: Task, day: string) => {
    if (!task.dueAt || localDay(Date.parse(task.dueAt), timeZone) === day) return;
    const at = dueOnDay(task.dueAt, day, timeZone);
    tasks.replace({ ...task, dueAt: new Date(at).toISOString(), overdue: task.status === "open" && at < Date.now() });
    try {
      const saved = await api.patch<Task>(`/api/tasks/${encodeURIComponent(task.id)}`, { dueAt: new Date(at).toISOString() });
      tasks.replace(saved);
      toast(t("moved", { title: task.title, date: formats.full.format(noon(day)) }));
    } catch (caught) {
      tasks.replace(task);
      toast(t("moveFailed", { title: task.title, reason: caught instanceof Error ? caught.message : String(caught) }), "error");
    }
  };

  const dropOn = (day: string) => (event: DragEvent) => {
    event.preventDefault();
    setDropDay(null);
    const task = tasks.items.find((item) => item.id === event.dataTransfer?.getData("text/plain"));
    if (task) void move(task, day);
  };

  const step = layout === "month" ? { previous: t("previousMonth"), next: t("nextMonth") } : { previous: t("previousWeek"), next: t("followingWeek") };

  return (
    <section class={`task-calendar task-calendar--${layout}`} aria-label={t("calendar")}>
      <div class="task-calendar__bar">
        <h2 class="task-calendar__title" aria-live="polite">
          {title}
        </h2>
        <div class="row">
          <Button small onClick={() => setAnchor(range.previous)}>
            {step.previous}
          </Button>
          <Button small onClick={() => setAnchor(today)} aria-pressed={range.days.includes(today) && range.inPeriod(today)}>
            {t("today")}
          </Button>
          <Button small onClick={() => setAnchor(range.next)}>
            {step.next}
          </Button>
        </div>
      </div>
      {tasks.error && <ErrorNotice error={tasks.error} onRetry={() => void (tasks.loaded ? tasks.loadMore() : tasks.reload())} />}
      {!tasks.loaded && !tasks.error && <Loading />}
      {tasks.nextCursor && (
        <p class="task-calendar__more" role="status">
          {t("calendarPartial", { count: tasks.items.length })}{" "}
          <Button small busy={tasks.loadingMore} onClick={() => void tasks.loadMore()}>
            {common("more")}
          </Button>
        </p>
      )}
      {tasks.loaded && byDay.size === 0 && <p class="muted task-calendar__empty">{t(layout === "month" ? "calendarEmptyMonth" : "calendarEmptyWeek")}</p>}
      {canWrite && <p class="muted small task-calendar__hint">{t("calendarHint")}</p>}
      <div class="task-calendar__weekdays" aria-hidden="true">
        {range.days.slice(0, 7).map((day) => (
          <span key={day}>{formats.weekday.format(noon(day))}</span>
        ))}
      </div>
      <ol class="task-calendar__days" ref={days}>
        {range.days.map((day) => {
          const dayTasks = byDay.get(day) ?? [];
          const classes = [
            "task-calendar__day",
            !range.inPeriod(day) && "task-calendar__day--outside",
            day === today && "task-calendar__day--today",
            dayTasks.length === 0 && "task-calendar__day--empty",
            dropDay === day && "task-calendar__day--drop",
          ];
          return (
            <li
              key={day}
              class={classes.filter(Boolean).join(" ")}
              data-day={day}
              aria-current={day === today ? "date" : undefined}
              onDragOver={(event) => {
                if (!canWrite) return;
                event.preventDefault();
                if (dropDay !== day) setDropDay(day);
              }}
              onDragLeave={() => dropDay === day && setDropDay(null)}
              onDrop={dropOn(day)}
            >
              <h3 class="task-calendar__date">
                <span class="task-calendar__weekday" aria-hidden="true">
                  {formats.weekday.format(noon(day))}
                </span>
                <span aria-hidden="true">{f.number(dayOfMonth(day, jalali))}</span>
                <span class="visually-hidden">{formats.full.format(noon(day))}</span>
                {dayTasks.length > 0 && <span class="visually-hidden">{t("taskCount", { count: dayTasks.length })}</span>}
              </h3>
              {dayTasks.length > 0 && (
                <ul class="task-calendar__tasks">
                  {dayTasks.map((task) => (
                    <li key={task.id}>
                      <CalendarTask task={task} canMove={canWrite && task.status === "open"} onOpen={() => setMoving(task)} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <MoveTaskDialog task={moving} onClose={() => setMoving(null)} onMove={(task, day) => {
          void move(task, day);
          setFollowed(task.id);
        }}
      />
    </section>
  );
}
