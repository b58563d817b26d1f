// The topics a shop should subscribe its webhooks to, as the API lists them for the platform.
import { useMessages } from "../../i18n/i18n";
import { connectionsMessages } from "./connections.messages";

export function TopicsList({ topics }: { topics: string[] }) {
  const t = useMessages(connectionsMessages);
  return (
    <div class="field">
      <span class="field__label">{t("topics")}</span>
      <div class="code-list">
        {topics.map((topic) => (
          <code key={topic} class="badge">
            {topic}
          </code>
        ))}
      </div>
    </div>
  );
}
