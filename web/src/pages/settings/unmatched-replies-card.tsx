// SMS replies from numbers no customer has: listed, never turned into customers, so the shop can see
// who wrote and add them by hand if it wants to. While SMS goes to the outbox, a reply can be tried.
import { useResource } from "../../api/use-resource";
import { Card } from "../../components/card";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { LtrText } from "../customers/ltr-text";
import { useSession } from "../../session/session";
import { ListState } from "./list-state";
import { SimulatedReplyForm } from "./simulated-reply-form";
import { unmatchedRepliesMessages } from "./unmatched-replies.messages";
import { useCursorList } from "./use-cursor-list";

export interface UnmatchedReply {
  id: string;
  from: string;
  text: string;
  receivedAt: string;
}

export function UnmatchedRepliesCard() {
  const t = useMessages(unmatchedRepliesMessages);
  const f = useFormat();
  const { can } = useSession();
  const replies = useCursorList<UnmatchedReply>("/api/messaging/unmatched", { limit: 20 });
  const providers = useResource<{ sms: { kind: string } }>("/api/messaging/providers");
  return (
    <Card title={t("title")} labelledBy="unmatched-replies-heading">
      <p class="muted small">{t("intro")}</p>
      {providers.data?.sms.kind === "outbox" && can("messages:send") && <SimulatedReplyForm onReceived={() => void replies.reload()} />}
      <ListState list={replies} empty={t("none")}>
        <ol class="message-log">
          {replies.items.map((reply) => (
            <li key={reply.id} class="message-log__entry">
              <div class="message-log__head">
                <LtrText>{reply.from}</LtrText>
                <time class="muted small" dateTime={reply.receivedAt}>
                  {f.dateTime(reply.receivedAt)}
                </time>
              </div>
              <p class="message-log__body" dir="auto">
                {reply.text}
              </p>
            </li>
          ))}
        </ol>
      </ListState>
    </Card>
  );
}
