// "Send SMS" on the customer page: the message composer sending to this one customer
// (POST /api/customers/{id}/messages), with who it goes to and a missing consent said first.
import { api } from "../../api/client";
import { Notice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { MessageComposer } from "../../messaging/message-composer";
import type { SentMessage } from "../../messaging/message-types";
import type { Customer } from "./customer-types";
import { LtrText } from "./ltr-text";
import { quickActionsMessages } from "./quick-actions.messages";

export function SendSmsForm({ customer, delivers, onDone, onCancel }: { customer: Customer; delivers: boolean; onDone: () => void; onCancel: () => void }) {
  const t = useMessages(quickActionsMessages);
  return (
    <MessageComposer send={(message) => api.post<SentMessage>(`/api/customers/${encodeURIComponent(customer.id)}/messages`, message)} onDone={onDone} onCancel={onCancel}>
      {customer.mobile && (
        <p class="muted small sms-to">
          {t("smsTo", { to: "" })}
          <LtrText>{customer.mobile}</LtrText>
        </p>
      )}
      {!delivers && <Notice tone="muted">{t("smsOutbox")}</Notice>}
      {customer.consent.sms.status !== "granted" && <Notice tone="warning">{t("smsNoConsent")}</Notice>}
    </MessageComposer>
  );
}
