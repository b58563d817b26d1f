// Dead letters (events:manage): deliveries that failed every attempt, with the receiver, the
// error and the attempts; Retry queues one again with a fresh set of attempts.
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { pickText, useLanguage, useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { deadLettersMessages } from "./dead-letters.messages";
import { ListState } from "./list-state";
import { settingsMessages } from "./settings.messages";
import { useCursorList } from "./use-cursor-list";

interface DeadLetter {
  id: string;
  eventId: string;
  eventName: string;
  target: string;
  attempts: number;
  lastError: string | null;
  failedAt: string;
  eventCreatedAt: string;
  /** Set here once a retry was accepted. */
  retrying?: boolean;
}

export function DeadLettersSection() {
  const t = useMessages(deadLettersMessages);
  const letters = useCursorList<DeadLetter>("/api/events/dead");
  return (
    <Card title={t("heading")} labelledBy="dead-letters-heading">
      <p class="muted small card__intro">{t("intro")}</p>
      <ListState list={letters} empty={t("none")}>
        <ul class="delivery-list">
          {letters.items.map((letter) => (
            <DeadLetterItem key={letter.id} letter={letter} onRetried={() => letters.setItems((items) => items.map((item) => (item.id === letter.id ? { ...item, retrying: true } : item)))} />
          ))}
        </ul>
      </ListState>
    </Card>
  );
}

/** "plugin:loyalty" → the plugin's name; "webhook:whk_…" → the subscription. */
function useTargetName() {
  const t = useMessages(deadLettersMessages);
  const { language } = useLanguage();
  const { plugins } = useSession();
  return (target: string) => {
    const [kind, id = ""] = target.split(/:(.*)/s);
    if (kind === "plugin") {
      const plugin = plugins.find((candidate) => candidate.id === id);
      return t("pluginTarget", { id: plugin ? pickText(plugin.name, language) : id });
    }
    if (kind === "webhook") return t("webhookTarget", { id });
    return target;
  };
}

function DeadLetterItem({ letter, onRetried }: { letter: DeadLetter; onRetried: () => void }) {
  const t = useMessages(deadLettersMessages);
  const s = useMessages(settingsMessages);
  const f = useFormat();
  const toast = useToast();
  const targetName = useTargetName();
  const retry = useAction(async () => {
    await api.post(`/api/events/dead/${letter.id}/retry`);
    onRetried();
    toast(t("retried"));
  });
  const target = targetName(letter.target);
  return (
    <li class="delivery">
      <div class="delivery__head">
        <code>{letter.eventName}</code>
        <span>{t("toTarget", { target })}</span>
        <span class="spacer" />
        {letter.retrying ? (
          <span class="badge badge--primary">{t("retrying")}</span>
        ) : (
          <Button small busy={retry.busy} onClick={() => void retry.run()} aria-label={t("retryOf", { event: letter.eventName, target })}>
            {t("retry")}
          </Button>
        )}
      </div>
      <div class="muted small">
        {t("failedAt")}: {f.dateTime(letter.failedAt)} · {t("happenedAt")}: {f.dateTime(letter.eventCreatedAt)} · {s("attempts")}: {f.number(letter.attempts)}
      </div>
      {letter.lastError && (
        <p class="delivery__reason">
          <span class="muted">{s("error")}:</span> <span class="code">{letter.lastError}</span>
        </p>
      )}
      {retry.error && <ErrorNotice error={retry.error} />}
    </li>
  );
}
