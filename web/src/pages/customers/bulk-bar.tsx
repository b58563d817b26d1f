// The bar above the customers list once customers are selected: what to do to them (a tag, an
// owner, SMS consent with a reason, a static list, erasure with the count typed), and the action's
// progress while the jobs queue works through them, announced to screen readers.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, type Page } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { SelectField, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { bulkMessages } from "./bulk-actions.messages";
import { useStaff } from "./use-staff";

export type BulkSelection = { ids: string[] } | { filter: Record<string, unknown> };

interface BulkAction {
  id: string;
  status: "running" | "done" | "failed";
  total: number;
  done: number;
  changed: number;
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
  const f = useFormat();
  const { can } = useSession();
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
  const [action, setAction] = useState<BulkAction>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

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

  const actions = [
    { value: "tag", label: t("tag") },
    { value: "untag", label: t("untag") },
    { value: "assign_owner", label: t("assignOwner") },
    { value: "set_consent", label: t("setConsent") },
    { value: "add_to_list", label: t("addToList") },
    ...(can("customers:delete") ? [{ value: "erase", label: t("erase") }] : []),
  ];

  async function change(): Promise<Record<string, unknown>> {
    if (type === "tag" || type === "untag") return { type, tag };
    if (type === "assign_owner") return { type, ownerUserId: owner || null };
    if (type === "set_consent") return { type, channel: "sms", state: consent, reason };
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
      const started = await api.post<BulkAction>("/api/customers/bulk", { selection, change: await change() });
      setAction(started);
      if (started.status !== "running") onFinished();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const running = action?.status === "running";
  return (
    <form class="bulk-bar" onSubmit={apply} aria-label={t("selected", { count: f.number(count) })}>
      <div class="bulk-bar__fields">
        <SelectField label={t("action")} name="bulk-action" value={type} onValue={setType} options={actions} />
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
          {t("apply")}
        </Button>
      </div>
      <ErrorNotice error={error} />
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
          </>
        )}
      </div>
    </form>
  );
}
