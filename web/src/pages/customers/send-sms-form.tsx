// "Send SMS" (POST /api/customers/{id}/messages). One idempotency key per opened form, so a double
// click or a retry after a timeout never sends the same message twice. What became of the message
// (sent, recorded by the outbox, skipped for lack of consent) is said in the toast and on the timeline.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { TextArea } from "../../components/field";
import { ErrorNotice, Notice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import type { Customer, Message } from "./customer-types";
import { customerWords, wordFor } from "./customer-words.messages";
import { unmatchedProblem } from "./field-errors";
import { LtrText } from "./ltr-text";
import { quickActionsMessages } from "./quick-actions.messages";

export function SendSmsForm({ customer, onDone, onCancel }: { customer: Customer; onDone: () => void; onCancel: () => void }) {
  const t = useMessages(quickActionsMessages);
  const w = useMessages(customerWords);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const [text, setText] = useState("");
  const [idempotencyKey] = useState(() => `ui-${crypto.randomUUID()}`);
  const send = useAction(async () => {
    const message = await api.post<Message>(`/api/customers/${encodeURIComponent(customer.id)}/messages`, { channel: "sms", body: text, idempotencyKey });
    if (message.status === "sent" || message.status === "sending") toast(t("smsSent"));
    else if (message.status === "recorded") toast(t("smsRecorded"), "info");
    else if (message.status === "skipped") toast(t("smsSkipped", { reason: wordFor(w, "reason", message.reason) }), "error");
    else toast(t("smsFailed", { error: message.error ?? "" }), "error");
    onDone();
  });
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send.run();
      }}
    >
      {customer.mobile && (
        <p class="muted small sms-to">
          {t("smsTo", { to: "" })}
          <LtrText>{customer.mobile}</LtrText>
        </p>
      )}
      {customer.consent.sms.status !== "granted" && <Notice tone="warning">{t("smsNoConsent")}</Notice>}
      <TextArea label={t("smsText")} name="body" value={text} onValue={setText} rows={4} error={send.error?.fieldError("body")} required />
      <ErrorNotice error={unmatchedProblem(send.error, ["body"])} />
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={send.busy}>
          {t("send")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
