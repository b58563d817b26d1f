// Creating a task (POST /api/tasks) with the one set of task fields: in a dialog on the tasks page
// and on a customer's page alike. The title has the focus when it opens; Enter in a field or
// Ctrl+Enter anywhere saves; the API's problems show under the field they are about, and the rest
// above the buttons.
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { unmatchedProblem } from "../customers/field-errors";
import type { ChosenCustomer } from "./customer-picker";
import type { Task } from "./task-api";
import { newTaskBody, TASK_FIELDS } from "./task-draft";
import { TaskFields, useTaskDraft } from "./task-fields";
import { taskFormMessages } from "./task-form.messages";

interface TaskFormProps {
  /** The customer the task starts with; it may arrive once its name is read. */
  customer: ChosenCustomer | null;
  /** Made from the customer's own page: the customer cannot be changed. */
  customerFixed?: boolean;
  onCreated: (task: Task) => void;
  onCancel: () => void;
}

export function TaskForm({ customer, customerFixed = false, onCreated, onCancel }: TaskFormProps) {
  const t = useMessages(taskFormMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const timeZone = useSession().me?.workspace.timeZone ?? "Asia/Tehran";
  const [draft, setDraft] = useTaskDraft(customer);
  // The customer named in the address (?customer=) arrives once its name is read.
  useEffect(() => {
    if (customer && !draft.customer) setDraft({ customer });
  }, [customer?.id]);

  const create = useAction(async () => {
    const task = await api.post<Task>("/api/tasks", newTaskBody(draft, timeZone));
    toast(t("created"));
    onCreated(task);
    return task;
  });

  return (
    <form
      class="form task-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void create.run();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !create.busy) {
          event.preventDefault();
          void create.run();
        }
      }}
    >
      <TaskFields draft={draft} onDraft={setDraft} errorOf={(field) => create.error?.fieldError(field)} customerFixed={customerFixed} autofocus />
      <ErrorNotice error={unmatchedProblem(create.error, TASK_FIELDS)} />
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={create.busy} aria-keyshortcuts="Control+Enter">
          {t("save")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
