// A connection's health at a glance: its last delivery, what failed in the last 24 hours (with
// the reasons and a replay, in the deliveries list), a warning when it has gone silent, the
// history import's progress, and "Send a test" with what became of the test.
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { ErrorNotice, Notice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { ConnectionDeliveries } from "./connection-deliveries";
import { connectionHealthMessages } from "./connection-health.messages";
import type { Connection } from "./connection-item";
import { ImportProgress, type ShopImport } from "./shop-connect-form";

interface Health {
  lastDeliveryAt: string | null;
  failuresLast24h: number;
  silentDays: number;
  silentWarning: boolean;
  import: ShopImport | null;
}

interface TestResult {
  outcome: "processed" | "rejected" | "received" | "refused";
  refusal: "connection_disabled" | "webhook_signature_invalid" | null;
  reason: string | null;
}

export function ConnectionHealth({ connection, onTested }: { connection: Connection; onTested: () => void }) {
  const t = useMessages(connectionHealthMessages);
  const f = useFormat();
  const health = useResource<Health>(`/api/connections/${connection.id}/health`);
  // Enabling or disabling changes the silence warning.
  useEffect(() => {
    void health.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection.enabled]);
  const [showFailures, setShowFailures] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [result, setResult] = useState<TestResult>();
  const test = useAction(async () => {
    setResult(undefined);
    setResult(await api.post<TestResult>(`/api/connections/${connection.id}/test`));
    setRefresh((n) => n + 1);
    onTested();
    await health.reload();
  });
  const data = health.data;
  return (
    <section class="connection-health stack" aria-label={t("health", { name: connection.name })}>
      {health.error && <ErrorNotice error={health.error} onRetry={() => void health.reload()} />}
      {data && (
        <>
          <dl class="facts">
            <div>
              <dt>{t("lastDelivery")}</dt>
              <dd>{data.lastDeliveryAt ? f.dateTime(data.lastDeliveryAt) : t("never")}</dd>
            </div>
            <div>
              <dt>{t("failures")}</dt>
              <dd>{f.number(data.failuresLast24h)}</dd>
            </div>
          </dl>
          {data.silentWarning && <Notice tone="warning">{t("silent", { days: f.number(data.silentDays) })}</Notice>}
          {data.import && <ImportProgress connectionId={connection.id} initial={data.import} />}
        </>
      )}
      <div class="row connection-health__actions">
        <Button small variant="primary" busy={test.busy} onClick={() => void test.run()}>
          {t("sendTest")}
        </Button>
        {data && data.failuresLast24h > 0 && (
          <Button small aria-expanded={showFailures} onClick={() => setShowFailures(!showFailures)}>
            {showFailures ? t("hideFailures") : t("showFailures")}
          </Button>
        )}
      </div>
      {test.error && <ErrorNotice error={test.error} />}
      {result && <TestOutcome result={result} />}
      {showFailures && <ConnectionDeliveries connection={connection} initialStatus="rejected" refresh={refresh} />}
    </section>
  );
}

function TestOutcome({ result }: { result: TestResult }) {
  const t = useMessages(connectionHealthMessages);
  if (result.outcome === "processed") return <Notice tone="success" live>{t("testProcessed")}</Notice>;
  if (result.outcome === "rejected") return <Notice tone="warning" live>{t("testRejected", { reason: result.reason ?? "" })}</Notice>;
  if (result.outcome === "received") return <Notice tone="info" live>{t("testReceived")}</Notice>;
  return <Notice tone="warning" live>{t(result.refusal ?? "connection_disabled")}</Notice>;
}
