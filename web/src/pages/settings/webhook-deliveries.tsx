// The attempts to deliver events to one outgoing webhook, newest first: status, event, time,
// duration and the error, if any.
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { ListState } from "./list-state";
import { settingsMessages } from "./settings.messages";
import { useCursorList } from "./use-cursor-list";
import type { Webhook } from "./webhook-item";
import { webhooksMessages } from "./webhooks.messages";

interface WebhookAttempt {
  id: string;
  eventId: string;
  eventName: string;
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  at: string;
}

export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const t = useMessages(webhooksMessages);
  const s = useMessages(settingsMessages);
  const f = useFormat();
  const attempts = useCursorList<WebhookAttempt>(`/api/webhooks/${webhook.id}/deliveries`, { limit: 20 });
  return (
    <section class="subsection" aria-label={t("deliveriesOf", { url: webhook.url })}>
      <ListState list={attempts} empty={t("noDeliveries")}>
        <ul class="delivery-list">
          {attempts.items.map((attempt) => {
            const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
            return (
              <li key={attempt.id} class="delivery">
                <div class="delivery__head">
                  <span class={ok ? "badge badge--success" : "badge badge--danger"}>{attempt.statusCode === null ? "—" : f.digits(String(attempt.statusCode))}</span>
                  <code>{attempt.eventName}</code>
                  <span class="muted small">{f.dateTime(attempt.at)}</span>
                  <span class="muted small">
                    {t("attempt")}: {f.number(attempt.attempt)} · {t("durationMs", { ms: attempt.durationMs })}
                  </span>
                </div>
                {attempt.error && (
                  <p class="delivery__reason">
                    <span class="muted">{s("error")}:</span> <span class="code">{attempt.error}</span>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </ListState>
    </section>
  );
}
