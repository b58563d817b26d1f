// "Log a call", "Add note" and "Log a complaint": one interaction (POST
// /api/customers/{id}/interactions) with the API's field errors under their inputs. A call is
// logged the way a call centre does: outcome and what was said first, then direction, when
// (now by default) and duration, and an optional follow-up task (the one task form's fields) that
// the API creates in the same batch. The first field takes the focus; Ctrl+Enter saves from any field.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { DateField } from "../../components/date-field";
import { TimeField } from "../../components/time-field";
import type { ChosenCustomer } from "../tasks/customer-picker";
import { newTaskBody, TASK_FIELDS } from "../tasks/task-draft";
import { TaskFields, useTaskDraft } from "../tasks/task-fields";
import { Checkbox, SelectField, TextArea, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { readNumber } from "../settings/number-text";
import { CALL_OUTCOMES } from "./call-words";
import type { Interaction } from "./customer-types";
import { unmatchedProblem } from "./field-errors";
import { quickActionsMessages } from "./quick-actions.messages";
import { zonedIso } from "./zoned-time";

export type LoggedKind = "call" | "note" | "complaint";

/** "HH:MM" now in the zone, and today's day there: the defaults of a call's "when". */
function nowIn(timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(Date.now())
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export function LogInteractionForm({ customer, type, onDone, onCancel }: { customer: ChosenCustomer; type: LoggedKind; onDone: () => void; onCancel: () => void }) {
  const customerId = customer.id;
  const t = useMessages(quickActionsMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const { can, me } = useSession();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const [outcome, setOutcome] = useState<string>("answered");
  const [direction, setDirection] = useState<"inbound" | "outbound">("outbound");
  const [when] = useState(() => nowIn(timeZone));
  const [day, setDay] = useState(when.day);
  const [time, setTime] = useState(when.time);
  const [minutes, setMinutes] = useState("");
  const [summary, setSummary] = useState("");
  const [followUp, setFollowUp] = useState(false);
  const [task, setTask] = useTaskDraft(customer);
  /** The follow-up is about this customer by its place in the call: the body names no customer. */
  const followUpBody = () => {
    const { customerId: _about, ...body } = newTaskBody(task, timeZone);
    return body;
  };
  const save = useAction(async () => {
    // A time that is no time of day goes as typed, so the API's message names the field.
    const occurredAt = day && time ? (zonedIso(`${day}T${time}`, timeZone) ?? `${day}T${time}`) : undefined;
    // Typed in minutes; a text that is no number goes as typed, so the API's message names it.
    const typed = readNumber(minutes);
    const body =
      type === "call"
        ? {
            type,
            channel: "phone",
            direction,
            outcome,
            summary,
            occurredAt,
            durationSeconds: typeof typed === "number" ? Math.round(typed * 60) : typed,
            followUp: followUp ? followUpBody() : undefined,
          }
        : { type, summary };
    await api.post<Interaction>(`/api/customers/${encodeURIComponent(customerId)}/interactions`, body);
    toast(type === "call" ? t("callLogged") : type === "complaint" ? t("complaintLogged") : t("noteAdded"));
    onDone();
  });
  const summaryLabel = type === "call" ? t("callSummary") : type === "complaint" ? t("complaintText") : t("noteText");
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !save.busy) {
          event.preventDefault();
          void save.run();
        }
      }}
    >
      {type === "call" && (
        <>
          <SelectField
            label={t("outcome")}
            name="outcome"
            value={outcome}
            onValue={setOutcome}
            options={CALL_OUTCOMES.map((value) => ({ value, label: t(`outcome_${value}`) }))}
            error={save.error?.fieldError("outcome")}
            autofocus
          />
        </>
      )}
      <TextArea
        label={summaryLabel}
        name="summary"
        value={summary}
        onValue={setSummary}
        rows={4}
        error={save.error?.fieldError("summary")}
        hint={t("saveShortcut")}
        required
        autofocus={type !== "call"}
      />
      {type === "call" && (
        <>
          <SelectField
            label={t("direction")}
            name="direction"
            value={direction}
            onValue={(value) => setDirection(value as "inbound" | "outbound")}
            options={[
              { value: "outbound", label: t("outbound") },
              { value: "inbound", label: t("inbound") },
            ]}
            error={save.error?.fieldError("direction")}
          />
          <div class="form__row form__row--top">
            <DateField label={t("callDay")} name="callDay" value={day} onValue={setDay} error={save.error?.fieldError("occurredAt")} />
            <TimeField label={t("callTime")} name="callTime" value={time} onValue={setTime} />
            <TextField
              label={t("durationMinutes")}
              name="duration"
              inputMode="decimal"
              dir="ltr"
              value={minutes}
              onValue={setMinutes}
              error={save.error?.fieldError("durationSeconds")}
            />
          </div>
        </>
      )}
      {type === "call" && can("tasks:write") && (
        <>
          <Checkbox label={t("addFollowUp")} name="followUp" checked={followUp} onChecked={setFollowUp} />
          {followUp && (
            <div class="form" role="group" aria-label={t("addFollowUp")}>
              <TaskFields draft={task} onDraft={setTask} errorOf={(field) => save.error?.fieldError(`followUp.${field}`)} customerFixed />
            </div>
          )}
        </>
      )}
      <ErrorNotice error={unmatchedProblem(save.error, ["summary", "direction", "outcome", "occurredAt", "durationSeconds", ...TASK_FIELDS.map((field) => `followUp.${field}`)])} />
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={save.busy} aria-keyshortcuts="Control+Enter">
          {type === "call" ? t("saveCall") : type === "complaint" ? t("saveComplaint") : t("saveNote")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
