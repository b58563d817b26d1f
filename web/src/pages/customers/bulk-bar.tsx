// The bar above the customers list once customers are selected: what to do to them (a tag, an
// owner, SMS consent with a reason, a static list, an SMS or e-mail through the composer, a CSV or Excel file
// of them, erasure with the count typed), and the action's progress while the jobs queue works
// through them (a send's results by outcome), announced to screen readers. Where a plugin offers a
// bulk send (the automation plugin's campaigns), sending goes through it instead of the composer.
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "wouter-preact";
import { api, ApiError, postForFile, withQuery, type Page } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { SelectField, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { pickText, useLanguage, useMessages } from "../../i18n/i18n";
import { MessageComposer } from "../../messaging/message-composer";
import { customerWords } from "./customer-words.messages";
import { EXPORT_FORMATS, type ExportFormat } from "./export-menu";
import { useSession } from "../../session/session";
import { bulkMessages } from "./bulk-actions.messages";
import { createSelectionList, momentText, useBulkSendDestination } from "./bulk-send-destination";
import { useStaff } from "./use-staff";

/** Ticked rows, all matching the list's filters, or all of a saved segment's customers (narrowed by the search box). */
export type BulkSelection = { ids: string[] } | { filter: Record<string, unknown> } | { segmentId: string; q?: string };

interface BulkAction {
  id: string;
  status: "running" | "done" | "failed";
  total: number;
  done: number;
  changed: number;
  /** A send's messages by outcome: sent, recorded, deferred, failed, skipped_<reason>. */
  outcomes: Record<string, number> | null;
  error: string | null;
}

interface CustomerList {
  id: string;
  name: string;
}

const POLL_MS = 1000;
const asciiDigits = (text: string) => text.replace(/[۰-۹]/g, (digit) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(digit))).replace(/[٠-٩]/g, (digit) => String("٠١٢٣٤٥٦٧٨٩".indexOf(digit)));

export function BulkBar({ selection, count, onFinished }: { selection: BulkSelection; count: number; onFinished: () => void }) {
  const t = useMessages(bulkMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  const { language } = useLanguage();
  const { can, me } = useSession();
  const destination = useBulkSendDestination();
  const [, navigate] = useLocation();
  const { staff } = useStaff();
  const lists = useResource<Page<CustomerList>>("/api/lists", { limit: 100 });
  const [type, setType] = useState("tag");
  const [tag, setTag] = useState("");
  const [owner, setOwner] = useState("");
  const [consent, setConsent] = useState("withdrawn");
  const [reason, setReason] = useState("");
  const [listId, setListId] = useState("");
  const [newList, setNewList] = useState("");
  const [confirm, setConfirm] = useState("");
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [action, setAction] = useState<BulkAction>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  /** The list the selection is being put in, for the plugin's page once it is full. */
  const [handOff, setHandOff] = useState<string>();

  // Follows the action until it is done or stopped, then the list reloads.
  useEffect(() => {
    if (!action || action.status !== "running") return;
    const timer = setTimeout(async () => {
      try {
        const next = await api.get<BulkAction>(`/api/customers/bulk/${action.id}`);
        setAction(next);
        if (next.status !== "running") onFinished();
      } catch (caught) {
        setError(caught as ApiError);
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [action]);

  useEffect(() => {
    if (handOff && destination && action?.status === "done") navigate(`/plugins/${encodeURIComponent(destination.plugin.id)}?list=${encodeURIComponent(handOff)}`);
  }, [action, handOff]);

  /** A plugin's bulk send (e.g. "Send as a campaign") in place of core's SMS and e-mail, where one is offered. */
  const sendActions = () => {
    if (destination) return [{ value: "send_campaign", label: pickText(destination.label, language) }];
    if (!can("messages:send")) return [];
    return [
      { value: "send_sms", label: t("sendSms") },
      { value: "send_email", label: t("sendEmail") },
    ];
  };

  const actions = [
    { value: "tag", label: t("tag") },
    { value: "untag", label: t("untag") },
    { value: "assign_owner", label: t("assignOwner") },
    { value: "set_consent", label: t("setConsent") },
    { value: "add_to_list", label: t("addToList") },
    ...sendActions(),
    ...(can("customers:export") ? [{ value: "export", label: t("exportSelection") }] : []),
    ...(can("customers:delete") ? [{ value: "erase", label: t("erase") }] : []),
  ];

  /** Starts the action on the jobs queue; the effect above follows it. */
  async function start(body: Record<string, unknown>) {
    const started = await api.post<BulkAction>("/api/customers/bulk", { selection, change: body });
    setAction(started);
    if (started.status !== "running") onFinished();
  }

  /** The chosen rows' file, saved by the browser (ids go in a POST; "all matching" is the list's own export). */
  async function exportSelection() {
    const path = `/api/export/customers.${format}`;
    if (!("ids" in selection)) {
      const shown = "filter" in selection ? selection.filter : selection;
      window.location.assign(withQuery(path, { ...shown, lang: language } as Record<string, string>));
      return;
    }
    const file = await postForFile(withQuery(path, { lang: language }), { ids: selection.ids });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(file);
    link.download = `customers-selection.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  async function change(): Promise<Record<string, unknown>> {
    if (type === "tag" || type === "untag") return { type, tag };
    if (type === "assign_owner") return { type, ownerUserId: owner || null };
    if (type === "set_consent") return { type, channel: "sms", state: consent, reason };
    if (type === "send_campaign") {
      const list = await createSelectionList(selectionName);
      setHandOff(list.id);
      return { type: "add_to_list", listId: list.id };
    }
    if (type === "add_to_list") {
      const id = newList.trim() ? (await api.post<CustomerList>("/api/lists", { name: newList.trim() })).id : listId;
      return { type, listId: id };
    }
    return { type, confirmCount: Number(asciiDigits(confirm.trim())) || 0 };
  }

  async function apply(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (type === "export") await exportSelection();
      else await start(await change());
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  }

  /** "Sent 3 · Scheduled 1 · Not sent (no consent) 2", in the words the timeline uses. */
  const outcomeText = (outcomes: Record<string, number>) =>
    Object.entries(outcomes)
      .map(([outcome, n]) => {
        const reason = outcome.startsWith("skipped_") ? outcome.slice("skipped_".length) : null;
        const word = reason ? `${w("message_skipped")} (${w(`reason_${reason}` as never)})` : w(`message_${outcome}` as never);
        return `${word}: ${f.number(n)}`;
      })
      .join(" · ");

  const running = action?.status === "running";
  const selectionName = t("selectionList", { moment: momentText(language, me?.workspace.timeZone ?? "Asia/Tehran") });
  const status = (
    <div role="status" aria-live="polite" class="bulk-bar__status">
      {action && (
        <>
          <progress max={Math.max(1, action.total)} value={action.done} aria-label={t("progress")} />
          <span>
            {action.status === "running"
              ? t("working", { done: f.number(action.done), total: f.number(action.total) })
              : action.status === "done"
                ? t("done", { changed: f.number(action.changed), total: f.number(action.total) })
                : t("failed", { error: action.error ?? "" })}
          </span>
          {action.outcomes && <span>{outcomeText(action.outcomes)}</span>}
        </>
      )}
    </div>
  );
  const actionField = <SelectField label={t("action")} name="bulk-action" value={type} onValue={setType} options={actions} />;

  // The composer is a form of its own, so it stands beside the bar's fields, not inside them.
  if (type === "send_sms" || type === "send_email") {
    const channel = type === "send_sms" ? "sms" : "email";
    return (
      <section class="bulk-bar" aria-label={t("selected", { count: f.number(count) })}>
        <div class="bulk-bar__fields">{actionField}</div>
        {!running && (
          <MessageComposer
            key={`${type}-${action?.id ?? "new"}`}
            channel={channel}
            fieldPrefix="change."
            recipients={count}
            purpose="marketing"
            send={async (message) => {
              const { channel: _channel, idempotencyKey: _key, ...text } = message;
              await start({ type, ...text });
              return null;
            }}
            onDone={() => undefined}
            onCancel={() => setType("tag")}
          >
            <p class="muted small">{t(channel === "sms" ? "sendTo" : "sendEmailTo", { count: f.number(count) })}</p>
          </MessageComposer>
        )}
        {status}
      </section>
    );
  }

  return (
    <form class="bulk-bar" onSubmit={apply} aria-label={t("selected", { count: f.number(count) })}>
      <div class="bulk-bar__fields">
        {actionField}
        {(type === "tag" || type === "untag") && <TextField label={t("tagName")} name="bulk-tag" value={tag} onValue={setTag} required autoComplete="off" />}
        {type === "assign_owner" && (
          <SelectField
            label={t("owner")}
            name="bulk-owner"
            value={owner}
            onValue={setOwner}
            options={[{ value: "", label: t("nobody") }, ...staff.map((member) => ({ value: member.id, label: member.name }))]}
          />
        )}
        {type === "set_consent" && (
          <>
            <SelectField
              label={t("consentState")}
              name="bulk-consent"
              value={consent}
              onValue={setConsent}
              options={(["granted", "withdrawn", "unknown"] as const).map((state) => ({ value: state, label: t(state) }))}
            />
            <TextField label={t("reason")} name="bulk-reason" value={reason} onValue={setReason} required />
          </>
        )}
        {type === "add_to_list" && (
          <>
            <SelectField
              label={t("list")}
              name="bulk-list"
              value={listId}
              onValue={setListId}
              options={[{ value: "", label: "—" }, ...(lists.data?.items ?? []).map((list) => ({ value: list.id, label: list.name }))]}
            />
            <TextField label={t("newList")} name="bulk-new-list" value={newList} onValue={setNewList} autoComplete="off" />
          </>
        )}
        {type === "send_campaign" && <p class="muted small">{t("campaignTo", { count: f.number(count), list: selectionName })}</p>}
        {type === "export" && (
          <SelectField
            label={t("format")}
            name="bulk-format"
            value={format}
            onValue={(value) => setFormat(value === "xlsx" ? "xlsx" : "csv")}
            options={EXPORT_FORMATS.map((value) => ({ value, label: t(value === "csv" ? "formatCsv" : "formatExcel") }))}
          />
        )}
        {type === "erase" && (
          <TextField
            label={t("confirmCount", { count: f.number(count) })}
            hint={t("eraseWarning")}
            name="bulk-confirm"
            inputMode="numeric"
            value={confirm}
            onValue={setConfirm}
            required
            autoComplete="off"
          />
        )}
        <Button type="submit" variant={type === "erase" ? "danger" : "primary"} busy={busy} disabled={running}>
          {t(type === "send_campaign" ? "openComposer" : "apply")}
        </Button>
      </div>
      <ErrorNotice error={error} />
      {status}
    </form>
  );
}
