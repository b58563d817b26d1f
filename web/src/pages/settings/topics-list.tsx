// The topics a shop should subscribe its webhooks to, named as the shop's own admin names them
// (WooCommerce's Topic list, Shopify's Event list), each with its code.
import { useMessages } from "../../i18n/i18n";
import type { Platform } from "./connection-item";
import { manualSetupMessages } from "./manual-setup.messages";

type TopicKey = keyof typeof manualSetupMessages.en;
const isNamed = (topic: string): topic is TopicKey => topic in manualSetupMessages.en;

export function TopicsList({ platform, topics }: { platform: Platform; topics: string[] }) {
  const t = useMessages(manualSetupMessages);
  const heading = platform === "woocommerce" ? t("wooTopics") : platform === "shopify" ? t("shopifyTopics") : t("genericTopics");
  return (
    <div class="field">
      <span class="field__label">{heading}</span>
      <ol class="topic-list">
        {topics.map((topic) => (
          <li key={topic}>
            {isNamed(topic) && platform !== "generic" && <span>{t(topic)} </span>}
            <code class="badge" dir="ltr">
              {topic}
            </code>
          </li>
        ))}
      </ol>
    </div>
  );
}
