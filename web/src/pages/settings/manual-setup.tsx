// The manual way for a shop that cannot give an API key: exactly what to paste where in the
// shop, step by step, with the delivery URL, the secret (when the CRM generated it, this once)
// and the topics in the shop's own words.
import { useMessages } from "../../i18n/i18n";
import type { Connection } from "./connection-item";
import { connectionsMessages } from "./connections.messages";
import { manualSetupMessages } from "./manual-setup.messages";
import { CopyField, SecretBox } from "./secret-box";
import { TopicsList } from "./topics-list";

export function ManualSetup({ connection, secret, onDone }: { connection: Connection; secret?: string; onDone?: () => void }) {
  const t = useMessages(manualSetupMessages);
  const c = useMessages(connectionsMessages);
  const steps =
    connection.platform === "woocommerce"
      ? [t("wooOpen"), t("wooFill"), t("wooRepeat"), t("testStep")]
      : connection.platform === "shopify"
        ? [t("shopifyOpen"), t("shopifyFill"), t("shopifyRepeat"), t("testStep")]
        : [t("genericSteps")];
  return (
    <section class="stack manual-setup" aria-label={t("stepsTitle")}>
      <h4>{t("stepsTitle")}</h4>
      <ol class="manual-setup__steps">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <CopyField label={t("deliveryUrl")} value={connection.webhookUrl} />
      {secret && <SecretBox label={t("secretField")} value={secret} warning={c("generatedWarning")} onDone={onDone} />}
      <TopicsList platform={connection.platform} topics={connection.topics} />
    </section>
  );
}
