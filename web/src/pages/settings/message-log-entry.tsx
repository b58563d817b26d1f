// One row of the message log: status in words, channel, purpose, when, to whom, the text, and why
// it was not sent, failed or waits. A message the outbox recorded can be marked delivered or failed
// as a provider's report would (POST /api/messages/{id}/simulated-report), to try the whole journey
// locally before a real provider is set.
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { ErrorNotice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import type { SentMessage } from "../../messaging/message-types";
import { customerWords, wordFor } from "../customers/customer-words.messages";
import { LtrText } from "../customers/ltr-text";
import { messageLogMessages } from "./message-log.messages";

const STATUS_TONE: Record<string, string> = {
  delivered: "badge--success",
  sent: "badge--primary",
  recorded: "badge--primary",
  deferred: "badge--warning",
  skipped: "badge--warning",
  failed: "badge--danger",
};

export type LoggedMessage = SentMessage & { customer?: { id: string; displayName: string } | null };

export function MessageLogEntry({ message, onReported }: { message: LoggedMessage; onReported: (message: LoggedMessage) => void }) {
  const t = useMessages(messageLogMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  const { can } = useSession();
  const report = useAction(async (status: "delivered" | "failed") => {
    onReported(await api.post<LoggedMessage>(`/api/messages/${encodeURIComponent(message.id)}/simulated-report`, { status, ...(status === "failed" ? { reason: t("simulatedFailure") } : {}) }));
  });
  return (
    <li class="message-log__entry">
      <div class="message-log__head">
        <span class={`badge ${STATUS_TONE[message.status] ?? ""}`}>{wordFor(w, "message", message.status)}</span>
        <span>{wordFor(w, "channel", message.channel)}</span>
        {message.purpose && <span>{wordFor(w, "purpose", message.purpose)}</span>}
        <time class="muted small" dateTime={message.createdAt}>
          {f.dateTime(message.createdAt)}
        </time>
      </div>
      <p class="message-log__to small">
        <a href={`/customers/${encodeURIComponent(message.customerId)}`}>{message.customer?.displayName ?? t("customerLink")}</a>
        {message.to && (
          <>
            {" · "}
            <LtrText>{message.to}</LtrText>
          </>
        )}
      </p>
      <p class="message-log__body" dir="auto">
        {message.body}
      </p>
      {message.status === "skipped" && <p class="small">{t("skippedBecause", { reason: wordFor(w, "reason", message.reason) })}</p>}
      {message.status === "failed" && message.error && <p class="small">{t("failedBecause", { error: message.error })}</p>}
      {message.status === "deferred" && message.dueAt && <p class="small">{t("deferredUntil", { when: f.dateTime(message.dueAt) })}</p>}
      {message.status === "recorded" && can("messages:send") && (
        <div class="message-log__actions" role="group" aria-label={t("simulateReport")}>
          <Button small busy={report.busy} onClick={() => void report.run("delivered")}>
            {t("markDelivered")}
          </Button>
          <Button small busy={report.busy} onClick={() => void report.run("failed")}>
            {t("markFailed")}
          </Button>
          <ErrorNotice error={report.error} />
        </div>
      )}
    </li>
  );
}
