// Settings → Messaging (settings:manage): the sending policy, the providers of each channel, saved
// templates, the log of every message and the replies from unknown numbers, one card each, with
// links to each card at the top since the page is long.
import { useMessages } from "../../i18n/i18n";
import { MessageLogCard } from "./message-log-card";
import { MessageTemplatesCard } from "./message-templates-card";
import { MessagingPolicyCard } from "./messaging-policy-card";
import { MessagingProviders } from "./messaging-providers";
import { messagingMessages } from "./messaging.messages";
import { UnmatchedRepliesCard } from "./unmatched-replies-card";

export function MessagingSection() {
  const t = useMessages(messagingMessages);
  const parts = [
    ["messaging-policy", t("partPolicy")],
    ["messaging-providers", t("partProviders")],
    ["messaging-templates", t("partTemplates")],
    ["messaging-log", t("partLog")],
    ["messaging-replies", t("partReplies")],
  ] as const;
  return (
    <div class="stack">
      <nav aria-label={t("onThisPage")}>
        <ul class="page-parts">
          {parts.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div id="messaging-policy" class="stack" tabIndex={-1}>
        <MessagingPolicyCard />
      </div>
      <div id="messaging-providers" class="stack" tabIndex={-1}>
        <MessagingProviders />
      </div>
      <div id="messaging-templates" class="stack" tabIndex={-1}>
        <MessageTemplatesCard />
      </div>
      <div id="messaging-log" class="stack" tabIndex={-1}>
        <MessageLogCard />
      </div>
      <div id="messaging-replies" class="stack" tabIndex={-1}>
        <UnmatchedRepliesCard />
      </div>
    </div>
  );
}
