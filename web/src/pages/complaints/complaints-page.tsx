// Complaints to work through (/complaints): open and in-progress complaints, the longest waiting
// first, each with its customer, what they said and buttons that move it along; resolved ones on
// demand. A complaint is logged from the customer's page (Quick actions → Log a complaint).
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { Button } from "../../components/button";
import { PageHeader } from "../../components/card";
import { SelectField } from "../../components/field";
import { Empty, ErrorNotice, Loading } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import type { ComplaintStatus } from "../customers/call-words";
import type { Interaction } from "../customers/customer-types";
import { customerWords, wordFor } from "../customers/customer-words.messages";
import { LoadMore } from "../customers/load-more";
import { useCursorList } from "../customers/use-cursor-list";
import { complaintsMessages } from "./complaints.messages";

type Complaint = Interaction & { customerName: string | null };

/** The moves offered from each status. */
const NEXT: Record<ComplaintStatus, Array<{ to: ComplaintStatus; label: "startWork" | "resolve" | "reopen" }>> = {
  open: [
    { to: "in_progress", label: "startWork" },
    { to: "resolved", label: "resolve" },
  ],
  in_progress: [{ to: "resolved", label: "resolve" }],
  resolved: [{ to: "open", label: "reopen" }],
};

export default function ComplaintsPage() {
  const t = useMessages(complaintsMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  const toast = useToast();
  const { can } = useSession();
  const [show, setShow] = useState<"waiting" | "resolved">("waiting");
  const list = useCursorList<Complaint>("/api/complaints", show === "resolved" ? { status: "resolved", limit: 20 } : { limit: 20 });
  const [busy, setBusy] = useState<string | null>(null);

  const move = async (complaint: Complaint, to: ComplaintStatus) => {
    setBusy(complaint.id);
    try {
      await api.patch<Interaction>(`/api/complaints/${encodeURIComponent(complaint.id)}`, { status: to });
      toast(t("changed"));
      // A complaint that leaves the shown statuses leaves the list; one that stays shows its new status.
      const stays = show === "resolved" ? to === "resolved" : to !== "resolved";
      list.setItems((items) => (stays ? items.map((item) => (item.id === complaint.id ? { ...item, status: to } : item)) : items.filter((item) => item.id !== complaint.id)));
    } finally {
      setBusy(null);
    }
  };

  let body;
  if (list.error) body = <ErrorNotice error={list.error} onRetry={() => void list.reload()} />;
  else if (list.loading) body = <Loading />;
  else if (list.items.length === 0) body = <Empty>{t("empty")}</Empty>;
  else
    body = (
      <>
        <ul class="complaints">
          {list.items.map((complaint) => (
            <li key={complaint.id} class="card complaint">
              <div class="complaint__head">
                {complaint.customerName ? <a href={`/customers/${encodeURIComponent(complaint.customerId)}`}>{complaint.customerName}</a> : <span class="muted">{t("unknownCustomer")}</span>}
                <span class={complaint.status === "open" ? "badge badge--danger" : complaint.status === "resolved" ? "badge badge--success" : "badge badge--warning"}>
                  {wordFor(w, "complaint", complaint.status)}
                </span>
              </div>
              <p class="complaint__text">{complaint.summary}</p>
              <p class="muted small">{t("since", { when: f.dateTime(complaint.occurredAt) })}</p>
              {can("interactions:write") && complaint.status && (
                <div class="complaint__actions">
                  {(NEXT[complaint.status] ?? []).map((next) => (
                    <Button key={next.to} busy={busy === complaint.id} onClick={() => void move(complaint, next.to)}>
                      {t(next.label)}
                    </Button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
        <LoadMore list={list} />
      </>
    );

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div class="complaints-filter">
        <SelectField
          label={t("show")}
          name="show"
          value={show}
          onValue={(value) => setShow(value as "waiting" | "resolved")}
          options={[
            { value: "waiting", label: t("waiting") },
            { value: "resolved", label: t("resolved") },
          ]}
        />
      </div>
      {body}
    </>
  );
}
