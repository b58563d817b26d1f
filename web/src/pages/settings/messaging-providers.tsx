// Messaging providers (settings:manage): SMS through the outbox, Kavenegar, IPPanel or SMS.ir, with
// the price per part that costs a send and the address the provider posts delivery reports and
// replies to; e-mail through the outbox or an HTTP API. Secrets are write-only: the API says only
// whether one is set (and its last characters), and an empty box keeps the stored one.
import type { ComponentChildren } from "preact";
import { useId, useState } from "preact/hooks";
import { api, type ApiError } from "../../api/client";
import { useAction } from "../../api/use-action";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { SelectField, TextField } from "../../components/field";
import { ErrorNotice, Loading, Notice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { messagingMessages } from "./messaging.messages";
import { readNumber, toAsciiDigits } from "./number-text";

interface SecretState {
  set: boolean;
  hint: string | null;
}

const SMS_KINDS = ["outbox", "kavenegar", "ippanel", "smsir"] as const;
type SmsKind = (typeof SMS_KINDS)[number];

interface Provider {
  channel: "sms" | "email";
  kind: SmsKind | "http";
  sender?: string | null;
  /** Price of one SMS part in the workspace's currency; null when not set. */
  pricePerPart?: number | null;
  /** Where the provider posts delivery reports and replies (SMS, once saved). */
  webhookUrl?: string | null;
  url?: string;
  from?: string;
  apiKey?: SecretState;
  token?: SecretState;
  updatedAt: string | null;
}

export function MessagingProviders() {
  const providers = useResource<{ sms: Provider; email: Provider }>("/api/messaging/providers");
  if (providers.error && !providers.data) return <ErrorNotice error={providers.error} onRetry={() => void providers.reload()} />;
  if (!providers.data) return <Loading />;
  const replace = (next: Provider) => providers.mutate((current) => ({ ...current!, [next.channel]: next }));
  return (
    <>
      <SmsProviderCard provider={providers.data.sms} onSaved={replace} />
      <EmailProviderCard provider={providers.data.email} onSaved={replace} />
    </>
  );
}

/** "Set (…9C0D)" or "Not set", shown as the hint of a write-only box. */
function useSecretHint() {
  const t = useMessages(messagingMessages);
  return (state: SecretState | undefined) => (state?.set ? (state.hint ? t("secretSet", { hint: state.hint }) : t("secretSetNoHint")) : t("secretNotSet"));
}

/** What both channels' cards share: the provider choice, the outbox note, errors and Save. */
function ProviderForm<Kind extends string>({
  title,
  headingId,
  provider,
  kind,
  kinds,
  onKind,
  save,
  children,
  always,
}: {
  title: string;
  headingId: string;
  provider: Provider;
  kind: Kind;
  kinds: Array<{ value: Kind; label: string }>;
  onKind: (kind: Kind) => void;
  save: { run: () => Promise<unknown>; busy: boolean; error: ApiError | undefined };
  /** The fields of the chosen provider (none for the outbox). */
  children: ComponentChildren;
  /** Fields every provider of the channel has, the outbox too (the price per part). */
  always?: ComponentChildren;
}) {
  const t = useMessages(messagingMessages);
  const common = useMessages(commonMessages);
  const f = useFormat();
  return (
    <Card title={title} labelledBy={headingId}>
      <form
        class="form settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <SelectField label={t("provider")} name="kind" value={kind} onValue={(value) => onKind(value as Kind)} error={save.error?.fieldError("kind")} options={kinds} />
        {kind === "outbox" ? <Notice tone="muted">{t("outboxNote")}</Notice> : children}
        {always}
        {save.error && !save.error.problem.errors?.length && <ErrorNotice error={save.error} />}
        <div class="form__actions">
          <Button type="submit" variant="primary" busy={save.busy}>
            {common("save")}
          </Button>
          {provider.updatedAt && <span class="muted small">{t("updated", { date: f.dateTime(provider.updatedAt) })}</span>}
        </div>
      </form>
    </Card>
  );
}

function SmsProviderCard({ provider, onSaved }: { provider: Provider; onSaved: (provider: Provider) => void }) {
  const t = useMessages(messagingMessages);
  const toast = useToast();
  const f = useFormat();
  const session = useSession();
  const secretHint = useSecretHint();
  const [kind, setKind] = useState<SmsKind>(SMS_KINDS.find((known) => known === provider.kind) ?? "outbox");
  const [apiKey, setApiKey] = useState("");
  const [sender, setSender] = useState(provider.sender ?? "");
  const [price, setPrice] = useState(provider.pricePerPart === null || provider.pricePerPart === undefined ? "" : f.digits(String(provider.pricePerPart)));
  const save = useAction(async () => {
    const pricePerPart = readNumber(price) ?? null;
    const body =
      kind === "outbox"
        ? { kind, pricePerPart }
        : { kind, pricePerPart, ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}), ...(sender.trim() ? { sender: toAsciiDigits(sender).trim() } : {}) };
    onSaved(await api.put<Provider>("/api/messaging/providers/sms", body));
    setApiKey("");
    toast(t("savedSms"));
  });
  const priceField = (
    <TextField
      label={t("pricePerPart")}
      name="pricePerPart"
      inputMode="decimal"
      value={price}
      onValue={setPrice}
      hint={t("pricePerPartHint", { currency: session.me?.workspace.currency ?? "" })}
      error={save.error?.fieldError("pricePerPart")}
    />
  );
  return (
    <ProviderForm
      title={t("sms")}
      headingId="sms-provider-heading"
      provider={provider}
      kind={kind}
      kinds={SMS_KINDS.map((value) => ({ value, label: t(value) }))}
      onKind={setKind}
      save={save}
      always={
        <>
          {priceField}
          {provider.webhookUrl && provider.kind === kind && <WebhookAddress url={provider.webhookUrl} />}
        </>
      }
    >
      <TextField
        label={t("apiKey", { provider: t(kind) })}
        name="apiKey"
        type="password"
        dir="ltr"
        autoComplete="off"
        value={apiKey}
        onValue={setApiKey}
        hint={secretHint(provider.kind === kind ? provider.apiKey : undefined)}
        error={save.error?.fieldError("apiKey")}
      />
      <TextField label={t("sender")} name="sender" dir="ltr" inputMode="numeric" value={sender} onValue={setSender} hint={t("senderHint")} error={save.error?.fieldError("sender")} />
    </ProviderForm>
  );
}

/** The delivery-report and replies address, read-only, with a button that copies it. */
function WebhookAddress({ url }: { url: string }) {
  const t = useMessages(messagingMessages);
  const toast = useToast();
  const id = useId();
  return (
    <div class="field">
      <label for={id} class="field__label">
        {t("webhookUrl")}
      </label>
      <div class="copy-field">
        <input id={id} class="input" dir="ltr" readOnly value={url} aria-describedby={`${id}-hint`} onFocus={(event) => (event.target as HTMLInputElement).select()} />
        <Button
          onClick={() =>
            void navigator.clipboard.writeText(url).then(
              () => toast(t("copied")),
              () => toast(t("copyFailed"), "error"),
            )
          }
        >
          {t("copy")}
        </Button>
      </div>
      <p id={`${id}-hint`} class="field__hint">
        {t("webhookUrlHint")}
      </p>
    </div>
  );
}

function EmailProviderCard({ provider, onSaved }: { provider: Provider; onSaved: (provider: Provider) => void }) {
  const t = useMessages(messagingMessages);
  const toast = useToast();
  const secretHint = useSecretHint();
  const [kind, setKind] = useState<"outbox" | "http">(provider.kind === "http" ? "http" : "outbox");
  const [url, setUrl] = useState(provider.url ?? "");
  const [token, setToken] = useState("");
  const [from, setFrom] = useState(provider.from ?? "");
  const save = useAction(async () => {
    const body = kind === "outbox" ? { kind } : { kind, url: url.trim(), from: from.trim(), ...(token.trim() ? { token: token.trim() } : {}) };
    onSaved(await api.put<Provider>("/api/messaging/providers/email", body));
    setToken("");
    toast(t("savedEmail"));
  });
  return (
    <ProviderForm
      title={t("email")}
      headingId="email-provider-heading"
      provider={provider}
      kind={kind}
      kinds={[
        { value: "outbox", label: t("outbox") },
        { value: "http", label: t("http") },
      ]}
      onKind={setKind}
      save={save}
    >
      <TextField label={t("url")} name="url" type="url" dir="ltr" value={url} onValue={setUrl} hint={t("urlHint")} error={save.error?.fieldError("url")} required />
      <TextField
        label={t("token")}
        name="token"
        type="password"
        dir="ltr"
        autoComplete="off"
        value={token}
        onValue={setToken}
        hint={secretHint(provider.kind === "http" ? provider.token : undefined)}
        error={save.error?.fieldError("token")}
      />
      <TextField label={t("from")} name="from" type="email" dir="ltr" value={from} onValue={setFrom} error={save.error?.fieldError("from")} required />
    </ProviderForm>
  );
}
