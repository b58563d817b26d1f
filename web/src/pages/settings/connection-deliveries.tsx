// A connection's recent deliveries, filtered by status; a rejected delivery, or one still
// waiting after a failed attempt, can be processed again once the cause is fixed.
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { SelectField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import type { Connection } from "./connection-item";
import { connectionsMessages } from "./connections.messages";
import { ListState } from "./list-state";
import { settingsMessages } from "./settings.messages";
import { useCursorList } from "./use-cursor-list";

export type DeliveryStatus = "received" | "processed" | "duplicate" | "rejected";

interface ShopDelivery {
  id: string;
  deliveryId: string;
  topic: string | null;
  status: DeliveryStatus;
  reason: string | null;
  attempts: number;
  receivedAt: string;
  processedAt: string | null;
}

const STATUS_TONE: Record<DeliveryStatus, string> = { received: "badge--warning", processed: "badge--success", duplicate: "", rejected: "badge--danger" };

/** `refresh` changes when something new may have arrived (a test was sent): the list loads again. */
export function ConnectionDeliveries({ connection, initialStatus = "", refresh = 0 }: { connection: Connection; initialStatus?: "" | DeliveryStatus; refresh?: number }) {
  const t = useMessages(connectionsMessages);
  const s = useMessages(settingsMessages);
  const [status, setStatus] = useState<"" | DeliveryStatus>(initialStatus);
  const deliveries = useCursorList<ShopDelivery>(`/api/connections/${connection.id}/deliveries`, { status, limit: 20 });
  useEffect(() => {
    if (refresh) void deliveries.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refresh]);
  return (
    <section class="subsection" aria-label={t("deliveriesOf", { name: connection.name })}>
      <div class="subsection__filters">
        <SelectField
          label={t("statusFilter")}
          value={status}
          onValue={(value) => setStatus(value as "" | DeliveryStatus)}
          options={[{ value: "", label: s("allStatuses") }, ...(["received", "processed", "duplicate", "rejected"] as const).map((value) => ({ value, label: t(value) }))]}
        />
      </div>
      <ListState list={deliveries} empty={t("noDeliveries")}>
        <ul class="delivery-list">
          {deliveries.items.map((delivery) => (
            <DeliveryRow
              key={delivery.id}
              connectionId={connection.id}
              delivery={delivery}
              onReplayed={(next) => deliveries.setItems((items) => items.map((item) => (item.id === next.id ? next : item)))}
            />
          ))}
        </ul>
      </ListState>
    </section>
  );
}

function DeliveryRow({ connectionId, delivery, onReplayed }: { connectionId: string; delivery: ShopDelivery; onReplayed: (delivery: ShopDelivery) => void }) {
  const t = useMessages(connectionsMessages);
  const s = useMessages(settingsMessages);
  const f = useFormat();
  const toast = useToast();
  const replay = useAction(async () => {
    const next = await api.post<ShopDelivery>(`/api/connections/${connectionId}/deliveries/${delivery.id}/replay`);
    onReplayed(next);
    toast(t("replayed", { status: t(next.status) }), next.status === "rejected" ? "error" : "success");
  });
  const replayable = delivery.status === "rejected" || (delivery.status === "received" && delivery.attempts > 0);
  return (
    <li class="delivery">
      <div class="delivery__head">
        <span class={`badge ${STATUS_TONE[delivery.status]}`}>{t(delivery.status)}</span>
        <code>{delivery.topic ?? "—"}</code>
        <span class="muted small">{f.dateTime(delivery.receivedAt)}</span>
        <span class="muted small">
          {s("attempts")}: {f.number(delivery.attempts)}
        </span>
        <span class="spacer" />
        {replayable && (
          <Button small busy={replay.busy} onClick={() => void replay.run()} aria-label={t("replayOf", { id: delivery.deliveryId })}>
            {t("replay")}
          </Button>
        )}
      </div>
      {delivery.reason && (
        <p class="delivery__reason">
          <span class="muted">{t("reason")}:</span> <span class="code">{delivery.reason}</span>
        </p>
      )}
      {replay.error && <ErrorNotice error={replay.error} />}
    </li>
  );
}
