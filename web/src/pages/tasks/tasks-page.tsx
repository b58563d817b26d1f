// Tasks: the reader's open work, everything overdue, everything open, and what is done, each a
// view of GET /api/tasks in due order with a cursor. Marking a task done (or opening it again)
// shows at once and is taken back, with the API's reason, if the API refuses. "New task" opens the
// one task form in a dialog.
import { useEffect, useMemo, useState } from "preact/hooks";
import { useLocation, useSearch } from "wouter-preact";
import { api } from "../../api/client";
import { Button } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { PageHeader } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { Empty, ErrorNotice, Loading } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { useCustomerNames } from "./customer-names";
import type { ChosenCustomer } from "./customer-picker";
import { TaskForm } from "./task-form";
import { TaskItem } from "./task-item";
import { TASK_VIEWS, VIEW_QUERY, isTaskView, type Task, type TaskView } from "./task-api";
import { tasksMessages } from "./tasks.messages";
import { useTaskPages } from "./use-task-pages";
import { SelectField } from "../../components/field";
import { useStaff } from "../customers/use-staff";
import { TaskCalendar } from "./task-calendar";

const LAYOUTS = ["list", "week", "month"] as const;
type Layout = (typeof LAYOUTS)[number];
const isLayout = (value: string | null): value is Layout => LAYOUTS.includes(value as Layout);
const LAYOUT_LABEL = { list: "layoutList", week: "layoutWeek", month: "layoutMonth" } as const;

const EMPTY: Record<TaskView, "emptyMine" | "emptyOverdue" | "emptyOpen" | "emptyDone"> = { mine: "emptyMine", overdue: "emptyOverdue", open: "emptyOpen", done: "emptyDone" };

export default function TasksPage() {
  const t = useMessages(tasksMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const { can } = useSession();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const view: TaskView = isTaskView(params.get("view")) ? (params.get("view") as TaskView) : "mine";
  // List, week or month (?layout=): the calendars show the same view's tasks on their due days.
  const layoutParam = params.get("layout");
  const layout: Layout = isLayout(layoutParam) ? layoutParam : "list";
  // /tasks?new=1&customer=cus_… opens the form about that customer (e.g. from a customer's page).
  const [formOpen, setFormOpen] = useState(params.get("new") === "1");
  const initialCustomerId = params.get("customer");
  const canWrite = can("tasks:write");

  // Everyone's tasks can be narrowed to one colleague's (?assignee=); "mine" is already the reader's.
  const assignee = view === "mine" ? "" : (params.get("assignee") ?? "");
  const { staff } = useStaff();
  const tasks = useTaskPages({ ...VIEW_QUERY[view], assigneeUserId: assignee || undefined });
  // A calendar of my work shows what I finished too, crossed out, beside what is still open.
  const calendarQuery = { ...(view === "mine" ? { mine: "true" } : VIEW_QUERY[view]), assigneeUserId: assignee || undefined };
  /** The address of this page with some of view, assignee and layout changed. */
  const hrefWith = (next: { view?: TaskView; assignee?: string; layout?: Layout }) => {
    const chosen = { view, assignee, layout, ...next };
    const query = new URLSearchParams({
      ...(chosen.view !== "mine" ? { view: chosen.view } : {}),
      ...(chosen.assignee && chosen.view !== "mine" ? { assignee: chosen.assignee } : {}),
      ...(chosen.layout !== "list" ? { layout: chosen.layout } : {}),
    });
    return query.size ? `/tasks?${query}` : "/tasks";
  };
  const chooseAssignee = (next: string) => navigate(hrefWith({ assignee: next }), { replace: true });
  // Rows come with their customer's name; only the customer a new task starts with is read.
  const names = useCustomerNames([initialCustomerId], can("customers:read"));
  const initialCustomer: ChosenCustomer | null = useMemo(
    () => (initialCustomerId && names[initialCustomerId] ? { id: initialCustomerId, name: names[initialCustomerId]! } : null),
    [initialCustomerId, names[initialCustomerId ?? ""]],
  );
  /** Tasks created here so far: a calendar reads its range again after each. */
  const [created, setCreated] = useState(0);
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  useEffect(() => setRowErrors({}), [view]);

  /** Done ⇄ open: the list changes first; the API's answer replaces it, or its refusal undoes it. */
  const toggle = async (task: Task) => {
    const next = task.status === "done" ? "open" : "done";
    const optimistic: Task = { ...task, status: next, completedAt: next === "done" ? new Date().toISOString() : null, overdue: next === "done" ? false : task.overdue };
    tasks.replace(optimistic);
    setBusy((current) => ({ ...current, [task.id]: true }));
    setRowErrors(({ [task.id]: _, ...rest }) => rest);
    try {
      const saved = await api.patch<Task>(`/api/tasks/${encodeURIComponent(task.id)}`, { status: next });
      tasks.replace(saved);
      toast(t(next === "done" ? "markedDone" : "reopened"));
    } catch (caught) {
      tasks.replace(task);
      setRowErrors((current) => ({ ...current, [task.id]: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(({ [task.id]: _, ...rest }) => rest);
    }
  };

  const closeForm = () => {
    setFormOpen(false);
    if (params.has("new") || params.has("customer")) navigate(hrefWith({}), { replace: true });
  };

  return (
    <div class="tasks-page">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setFormOpen(true)}>
              {t("newTask")}
            </Button>
          )
        }
      />
      <Dialog open={formOpen && canWrite} title={t("newTask")} onClose={closeForm}>
        <TaskForm
          customer={initialCustomer}
          onCreated={() => {
            closeForm();
            setCreated((count) => count + 1);
            void tasks.reload();
          }}
          onCancel={closeForm}
        />
      </Dialog>
      <nav class="tabs tasks-tabs" aria-label={t("views")}>
        {TASK_VIEWS.map((option) => (
          <a key={option} href={hrefWith({ view: option, assignee: "" })} aria-current={option === view ? "page" : undefined}>
            {t(option)}
          </a>
        ))}
      </nav>
      <nav class="tasks-layouts" aria-label={t("layout")}>
        {LAYOUTS.map((option) => (
          <a key={option} class="button button--small button--ghost" href={hrefWith({ layout: option })} aria-current={option === layout ? "page" : undefined}>
            {t(LAYOUT_LABEL[option])}
          </a>
        ))}
      </nav>
      {view !== "mine" && (
        <div class="tasks-assignee">
          <SelectField
            label={t("assignedTo")}
            name="assignee"
            value={assignee}
            onValue={chooseAssignee}
            options={[{ value: "", label: t("anyone") }, ...staff.map((member) => ({ value: member.id, label: member.name }))]}
          />
        </div>
      )}
      {layout !== "list" ? (
        <TaskCalendar key={layout} layout={layout} query={calendarQuery} canWrite={canWrite} refresh={created} />
      ) : (
        <>
          {tasks.error && <ErrorNotice error={tasks.error} onRetry={() => void (tasks.loaded ? tasks.loadMore() : tasks.reload())} />}
          {!tasks.loaded && !tasks.error ? (
            <Loading />
          ) : tasks.loaded && tasks.items.length === 0 ? (
            <Empty action={canWrite && view !== "done" && !formOpen ? <Button onClick={() => setFormOpen(true)}>{t("newTask")}</Button> : undefined}>{t(EMPTY[view])}</Empty>
          ) : (
            <section aria-label={t("list")}>
              <ul class="task-list">
                {tasks.items.map((task) => (
                  <TaskItem
                    key={task.id}
                    task={task}
                    customerName={task.customerId && can("customers:read") ? task.customerName : undefined}
                    canWrite={canWrite}
                    busy={Boolean(busy[task.id])}
                    error={rowErrors[task.id]}
                    onToggle={(current) => void toggle(current)}
                  />
                ))}
              </ul>
              {tasks.nextCursor && (
                <div class="task-list__more">
                  <Button busy={tasks.loadingMore} onClick={() => void tasks.loadMore()}>
                    {common("more")}
                  </Button>
                </div>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
