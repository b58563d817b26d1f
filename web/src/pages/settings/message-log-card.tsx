// The message log (GET /api/messages): every message of the workspace, newest first, with its status
// in words (scheduled, sent, delivered, not sent and why…), filtered and paged with "More".
import { useMemo, useState } from "preact/hooks";
import { Card } from "../../components/card";
import { useMessages } from "../../i18n/i18n";
import type { SentMessage } from "../../messaging/message-types";
import { useSession } from "../../session/session";
import { ListState } from "./list-state";
import { MessageLogEntry } from "./message-log-entry";
import { MessageLogFilters, NO_MESSAGE_FILTERS, type MessageLogFilterValues } from "./message-log-filters";
import { messageLogMessages } from "./message-log.messages";
import { useCursorList } from "./use-cursor-list";
import { endOfDay, startOfDay } from "./zoned-day";

export function MessageLogCard() {
  const t = useMessages(messageLogMessages);
  const { me } = useSession();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const [filters, setFilters] = useState<MessageLogFilterValues>(NO_MESSAGE_FILTERS);
  const query = useMemo(
    () => ({
      channel: filters.channel,
      purpose: filters.purpose,
      status: filters.status,
      customerId: filters.customerId,
      from: filters.from ? new Date(startOfDay(filters.from, timeZone)).toISOString() : undefined,
      to: filters.to ? new Date(endOfDay(filters.to, timeZone)).toISOString() : undefined,
      limit: 20,
    }),
    [filters, timeZone],
  );
  const messages = useCursorList<SentMessage>("/api/messages", query);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Card title={t("title")} labelledBy="message-log-heading">
      <MessageLogFilters applied={filters} onApply={setFilters} queryError={messages.error} />
      <ListState list={messages} empty={filtered ? t("noneFiltered") : t("none")}>
        <ol class="message-log">
          {messages.items.map((message) => (
            <MessageLogEntry key={message.id} message={message} onReported={(next) => messages.setItems((items) => items.map((item) => (item.id === next.id ? next : item)))} />
          ))}
        </ol>
      </ListState>
    </Card>
  );
}
