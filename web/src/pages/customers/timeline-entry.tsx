// One entry of the customer's timeline: an icon for its kind, a title, its status, the text and
// the date in the user's calendar. Kinds this UI does not know (a plugin's) still show, plainly.
import type { ComponentChildren } from "preact";
import { FileText, ListTodo, Mail, MessageSquare, MessagesSquare, Phone, Puzzle, Receipt, Send, Share2, ShoppingBag, StickyNote, Store, TrendingUp, TriangleAlert } from "lucide-preact";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import type { TimelineEntry } from "./customer-types";
import { customerWords, wordFor } from "./customer-words.messages";
import { LtrText } from "./ltr-text";
import { timelineMessages } from "./timeline.messages";
import { EmbeddedText } from "../../components/embedded-text";

const INTERACTION_ICONS: Record<string, typeof Phone> = {
  call: Phone,
  sms: MessageSquare,
  email: Mail,
  chat: MessagesSquare,
  social: Share2,
  visit: Store,
  note: StickyNote,
  complaint: TriangleAlert,
  pre_invoice: FileText,
  invoice: Receipt,
};

const CONVERSATIONS = ["call", "sms", "email", "chat", "social"];

const STATUS_TONES: Record<string, string> = {
  open: "badge--primary",
  done: "badge--success",
  sent: "badge--success",
  paid: "badge--success",
  recorded: "",
  delivered: "badge--success",
  deferred: "badge--warning",
  pending: "badge--warning",
  skipped: "badge--warning",
  failed: "badge--danger",
  refunded: "badge--danger",
  cancelled: "",
};

function Status({ tone, children }: { tone: string; children: ComponentChildren }) {
  return <span class={["badge", STATUS_TONES[tone]].filter(Boolean).join(" ")}>{children}</span>;
}

/** An entry whose kind the UI does not know, e.g. one a plugin adds. */
type OtherEntry = { kind: string; at: string; id: string; title?: unknown; summary?: unknown };

export function TimelineItem({ entry }: { entry: TimelineEntry | OtherEntry }) {
  const t = useMessages(timelineMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  let Icon = Puzzle;
  let title: ComponentChildren;
  let status: ComponentChildren = null;
  let text: string | null = null;
  let extra: ComponentChildren = null;
  const known = entry as TimelineEntry;

  switch (known.kind) {
    case "interaction":
      Icon = INTERACTION_ICONS[known.type] ?? MessageSquare;
      // Who reached out matters for conversations; a note is always internal, an invoice outbound.
      title = CONVERSATIONS.includes(known.type)
        ? t("interaction", { type: wordFor(w, "interaction", known.type), direction: wordFor(w, "direction", known.direction) })
        : wordFor(w, "interaction", known.type);
      text = known.summary;
      extra = [
        known.channel ? t("via", { channel: wordFor(w, "channel", known.channel) }) : null,
        known.durationSeconds ? w("call_minutes", { minutes: f.number(Math.round(known.durationSeconds / 60)) }) : null,
      ]
        .filter(Boolean)
        .join(" · ") || null;
      if (known.outcome) status = <Status tone={known.outcome === "answered" ? "done" : "pending"}>{wordFor(w, "outcome", known.outcome)}</Status>;
      if (known.status) status = <Status tone={known.status === "resolved" ? "done" : known.status === "open" ? "failed" : "pending"}>{wordFor(w, "complaint", known.status)}</Status>;
      break;
    case "task":
      Icon = ListTodo;
      title = t("task", { title: known.title });
      status = (
        <>
          <Status tone={known.status}>{wordFor(w, "task", known.status)}</Status>
          {known.overdue && <Status tone="failed">{w("task_overdue")}</Status>}
        </>
      );
      text = known.notes;
      break;
    case "message":
      Icon = Send;
      title = (
        <>
          {wordFor(w, "channel", known.channel)} {known.to && <LtrText>{known.to}</LtrText>}
        </>
      );
      status = (
        <Status tone={known.status}>
          {wordFor(w, "message", known.status)}
          {known.reason ? ` (${wordFor(w, "reason", known.reason)})` : ""}
        </Status>
      );
      text = known.body;
      extra = known.error;
      break;
    case "order":
      Icon = ShoppingBag;
      title = (
        <>
          {t("order")} <LtrText>{known.number}</LtrText>
        </>
      );
      status = (
        <>
          <span class="timeline__amount">{f.money(known.total, known.currency)}</span>
          <Status tone={known.status}>{wordFor(w, "order", known.status)}</Status>
        </>
      );
      text = known.note;
      extra = known.channel ? t("via", { channel: wordFor(w, "channel", known.channel) }) : null;
      break;
    case "stage_change":
      Icon = TrendingUp;
      title = t("stageChange", { from: wordFor(w, "stage", known.from), to: wordFor(w, "stage", known.to) });
      extra = ["order", "schedule", "merge"].includes(known.cause) ? t(`cause_${known.cause}` as "cause_order") : known.cause;
      break;
    default: {
      const other = entry as OtherEntry;
      title = typeof other.title === "string" ? other.title : t("other", { kind: other.kind });
      text = typeof other.summary === "string" ? other.summary : null;
    }
  }

  return (
    <li class={`timeline__item timeline__item--${entry.kind}`}>
      <span class="timeline__icon" aria-hidden="true">
        <Icon size={16} />
      </span>
      <div class="timeline__content">
        <div class="timeline__head">
          <h3 class="timeline__title">{title}</h3>
          {status}
        </div>
        {text && <p class="timeline__text"><EmbeddedText>{text}</EmbeddedText></p>}
        <p class="timeline__meta muted small">
          <time dateTime={entry.at}>{f.dateTime(entry.at)}</time>
          {extra && <span> · {extra}</span>}
        </p>
      </div>
    </li>
  );
}
