// Connecting a WooCommerce or Shopify shop in one step: the shop's address and its API key, with the
// steps to get the key in the shop's own words. Then the history import's progress, polled.
import { useEffect, useId, useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { TextField, SelectField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import type { Connection } from "./connection-item";
import { shopConnectMessages } from "./shop-connect.messages";

export interface ShopImport {
  id: string;
  status: "running" | "done" | "failed" | "cancelled";
  pagesDone: number;
  totalPages: number | null;
  customersSeen: number;
  ordersSeen: number;
  error: string | null;
}

export function ShopConnectForm({ onConnected, onClose }: { onConnected: (connection: Connection) => void; onClose: () => void }) {
  const t = useMessages(shopConnectMessages);
  const [platform, setPlatform] = useState<"woocommerce" | "shopify">("woocommerce");
  const [fields, setFields] = useState({ shopUrl: "", consumerKey: "", consumerSecret: "", accessToken: "", apiSecret: "" });
  const [importHistory, setImportHistory] = useState(true);
  const [connected, setConnected] = useState<Connection & { import: ShopImport | null }>();
  const set = (name: keyof typeof fields) => (value: string) => setFields((current) => ({ ...current, [name]: value }));
  const connect = useAction(async () => {
    const keys = platform === "woocommerce" ? { consumerKey: fields.consumerKey, consumerSecret: fields.consumerSecret } : { accessToken: fields.accessToken, apiSecret: fields.apiSecret };
    const connection = await api.post<Connection & { import: ShopImport | null }>("/api/connections/connect", { platform, shopUrl: fields.shopUrl, importHistory, ...keys });
    const { import: _import, ...listed } = connection;
    onConnected(listed as Connection);
    setConnected(connection);
  });
  if (connected)
    return (
      <div class="inline-panel stack" role="status">
        <h3>{connected.name}</h3>
        {connected.import && <ImportProgress connectionId={connected.id} initial={connected.import} />}
        <div class="form__actions">
          <Button onClick={onClose}>{t("close")}</Button>
        </div>
      </div>
    );
  const field = (name: keyof typeof fields, secret = false) => (
    <TextField label={t(name)} name={name} dir="ltr" type={secret ? "password" : "text"} autoComplete={secret ? "new-password" : "off"} value={fields[name]} onValue={set(name)} error={connect.error?.fieldError(name)} required />
  );
  return (
    <form
      class="form inline-panel"
      noValidate
      aria-labelledby="shop-connect-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void connect.run();
      }}
    >
      <h3 id="shop-connect-heading">{t("title")}</h3>
      <p class="muted small">{t("intro")}</p>
      <SelectField label={t("platform")} name="shop-platform" value={platform} onValue={(value) => setPlatform(value as "woocommerce" | "shopify")} options={(["woocommerce", "shopify"] as const).map((value) => ({ value, label: t(value) }))} />
      <TextField
        label={t("shopUrl")}
        name="shopUrl"
        dir="ltr"
        inputMode="url"
        value={fields.shopUrl}
        onValue={set("shopUrl")}
        hint={platform === "woocommerce" ? t("shopUrlHintWoo") : t("shopUrlHintShopify")}
        error={connect.error?.fieldError("shopUrl")}
        required
      />
      <p class="small">{platform === "woocommerce" ? t("wooSteps") : t("shopifySteps")}</p>
      {platform === "woocommerce" ? (
        <div class="form__row">
          {field("consumerKey")}
          {field("consumerSecret", true)}
        </div>
      ) : (
        <div class="form__row">
          {field("accessToken", true)}
          {field("apiSecret", true)}
        </div>
      )}
      <label class="checkbox">
        <input type="checkbox" checked={importHistory} onChange={(event) => setImportHistory((event.target as HTMLInputElement).checked)} /> {t("importHistory")}
      </label>
      {connect.error && !connect.error.problem.errors?.length && <ErrorNotice error={connect.error} />}
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={connect.busy}>
          {t("connect")}
        </Button>
        <Button onClick={onClose}>{t("close")}</Button>
      </div>
    </form>
  );
}

export function ImportProgress({ connectionId, initial }: { connectionId: string; initial: ShopImport }) {
  const t = useMessages(shopConnectMessages);
  const format = useFormat();
  const [job, setJob] = useState(initial);
  // Two connections may import at once, each with its own progress bar and label.
  const labelId = useId();
  useEffect(() => {
    if (job.status !== "running") return;
    const timer = setTimeout(() => {
      void api.get<{ import: ShopImport | null }>(`/api/connections/${connectionId}/import`).then((answer) => answer.import && setJob(answer.import));
    }, 2_000);
    return () => clearTimeout(timer);
  }, [job, connectionId]);
  const counts = { customers: format.number(job.customersSeen), orders: format.number(job.ordersSeen) };
  if (job.status === "done") return <p>{t("importDone", counts)}</p>;
  if (job.status !== "running") return <p>{t("importFailed", { error: job.error ?? job.status })}</p>;
  return (
    <div class="stack">
      <p id={labelId}>{t("importing")}</p>
      <progress aria-labelledby={labelId} max={job.totalPages ?? undefined} value={job.totalPages ? job.pagesDone : undefined} />
      <p class="muted small">{t("importProgress", counts)}</p>
    </div>
  );
}
