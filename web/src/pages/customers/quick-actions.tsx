// The customer page's quick actions, each in a dialog, each shown only to those who may do it:
// log a call, add a note and log a complaint (interactions:write), create a task (tasks:write), send an SMS
// (messages:send; with the outbox the composer says the message is only recorded). After any of
// them the timeline reloads.
import { ListTodo, MessageSquare, MessageSquareWarning, Phone, StickyNote } from "lucide-preact";
import { useState } from "preact/hooks";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { Dialog } from "../../components/dialog";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { TaskForm } from "../tasks/task-form";
import type { Customer } from "./customer-types";
import { LogInteractionForm } from "./log-interaction-form";
import { quickActionsMessages } from "./quick-actions.messages";
import { SendSmsForm } from "./send-sms-form";

export type QuickAction = "call" | "note" | "complaint" | "task" | "sms";
type Action = QuickAction;

/** Whether the caller may send SMS (once the channels are known the composer opens; with the outbox it says it only records) and whether SMS reaches anyone. */
export function useSmsChannel(): { available: boolean; delivers: boolean } {
  const { can } = useSession();
  const channels = useResource<{ sms: { delivers: boolean }; email: { delivers: boolean } }>(can("messages:send") ? "/api/messaging/channels" : null);
  return { available: can("messages:send") && channels.data !== undefined, delivers: Boolean(channels.data?.sms.delivers) };
}

export const useSmsAvailable = (): boolean => useSmsChannel().available;

/**
 * `open` / `onOpen`: which dialog is open, when the page opens one too (the contact bar's SMS).
 * `inHeader`: actions whose button the page shows itself (its dialog is still here).
 */
export function QuickActions({
  customer,
  onChanged,
  open: openFromPage,
  onOpen,
  inHeader = [],
}: {
  customer: Customer;
  onChanged: () => void;
  open?: Action | null;
  onOpen?: (action: Action | null) => void;
  inHeader?: Action[];
}) {
  const t = useMessages(quickActionsMessages);
  const { can } = useSession();
  const [ownOpen, setOwnOpen] = useState<Action | null>(null);
  const open = onOpen ? (openFromPage ?? null) : ownOpen;
  const setOpen = onOpen ?? setOwnOpen;
  const sms = useSmsChannel();

  const actions: Array<{ key: Action; label: string; icon: typeof Phone; show: boolean }> = [
    { key: "call", label: t("logCall"), icon: Phone, show: can("interactions:write") },
    { key: "note", label: t("addNote"), icon: StickyNote, show: can("interactions:write") },
    { key: "complaint", label: t("logComplaint"), icon: MessageSquareWarning, show: can("interactions:write") },
    { key: "task", label: t("createTask"), icon: ListTodo, show: can("tasks:write") },
    { key: "sms", label: t("sendSms"), icon: MessageSquare, show: sms.available },
  ];
  const shown = actions.filter((action) => action.show && !inHeader.includes(action.key));
  if (!actions.some((action) => action.show)) return null;
  const current = actions.find((action) => action.key === open);
  const done = () => {
    setOpen(null);
    onChanged();
  };
  const close = () => setOpen(null);
  const named = { id: customer.id, name: customer.displayName || customer.code };

  return (
    <Card title={t("title")} labelledBy="quick-actions-title">
      <div class="quick-actions">
        {shown.map((action) => (
          <Button key={action.key} onClick={() => setOpen(action.key)}>
            <action.icon size={16} aria-hidden="true" />
            {action.label}
          </Button>
        ))}
      </div>
      <Dialog open={open !== null} title={current?.label ?? ""} onClose={close}>
        {(open === "call" || open === "note" || open === "complaint") && <LogInteractionForm customer={named} type={open} onDone={done} onCancel={close} />}
        {open === "task" && <TaskForm customer={named} customerFixed onCreated={done} onCancel={close} />}
        {open === "sms" && <SendSmsForm customer={customer} delivers={sms.delivers} onDone={done} onCancel={close} />}
      </Dialog>
    </Card>
  );
}
