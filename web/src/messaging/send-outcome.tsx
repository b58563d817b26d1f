// What became of a message, in words: sent, recorded by the outbox, scheduled until a local time
// (marketing outside the quiet hours), or not sent and why. Announced to screen readers.
import { Notice } from "../components/states";
import { useFormat } from "../i18n/format";
import { useMessages } from "../i18n/i18n";
import { customerWords, wordFor } from "../pages/customers/customer-words.messages";
import { composerMessages } from "./composer.messages";
import type { SentMessage } from "./message-types";

export function SendOutcome({ message }: { message: SentMessage }) {
  const t = useMessages(composerMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  switch (message.status) {
    case "deferred":
      return (
        <Notice tone="info" live>
          {message.dueAt ? t("outcome_deferred", { when: f.dateTime(message.dueAt) }) : t("outcome_deferred_unknown")}
        </Notice>
      );
    case "skipped":
      return (
        <Notice tone="warning" live>
          {t("outcome_skipped", { reason: wordFor(w, "reason", message.reason) })}
        </Notice>
      );
    case "failed":
      return (
        <Notice tone="warning" live>
          {t("outcome_failed", { error: message.error ?? "" })}
        </Notice>
      );
    default:
      return (
        <Notice tone="success" live>
          {t(`outcome_${message.status}`)}
        </Notice>
      );
  }
}
