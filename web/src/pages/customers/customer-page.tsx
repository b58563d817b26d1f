// The customer page (/customers/:id), everything about one person in one place: profile,
// identifiers (masked; revealed on request), quick actions, the timeline, orders and the panels
// plugins add. Edit and erase for those who may. "Log a call", what a clerk does most here, is the
// first control after the heading, so it is one Tab away when the page opens.
import { Pencil, Phone, Trash2 } from "lucide-preact";
import { useState } from "preact/hooks";
import { useParams } from "wouter-preact";
import { useResource } from "../../api/use-resource";
import { Button, ButtonLink } from "../../components/button";
import { PageHeader } from "../../components/card";
import { Empty, ErrorNotice, Loading } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { CustomerAttributes } from "./customer-attributes";
import { CustomerIdentifiers } from "./customer-identifiers";
import { CustomerOrders } from "./customer-orders";
import { customerPageMessages } from "./customer-page.messages";
import { CustomerProfile } from "./customer-profile";
import { CustomerTimeline } from "./customer-timeline";
import type { Customer, TimelineEntry } from "./customer-types";
import { EraseCustomerDialog } from "./erase-customer-dialog";
import { CustomerCode } from "./customer-code";
import { StageBadge } from "./stage-badge";
import { PluginPanels } from "./plugin-panels";
import { ContactBar } from "./contact-bar";
import { QuickActions, useSmsAvailable, type QuickAction } from "./quick-actions";
import { quickActionsMessages } from "./quick-actions.messages";
import { useCursorList } from "./use-cursor-list";
import { EmbeddedText } from "../../components/embedded-text";

const TIMELINE_PAGE = 20;

export default function CustomerPage() {
  const { id } = useParams<{ id: string }>();
  const t = useMessages(customerPageMessages);
  const q = useMessages(quickActionsMessages);
  const { can } = useSession();
  // Revealed for this customer only: opening another one starts masked again.
  const [revealedId, setRevealedId] = useState<string | null>(null);
  const revealRequested = revealedId === id;
  const [erasing, setErasing] = useState(false);
  const [quickAction, setQuickAction] = useState<QuickAction | null>(null);
  const smsAvailable = useSmsAvailable();
  const path = `/api/customers/${encodeURIComponent(id)}`;
  const customer = useResource<Customer>(path, revealRequested ? { reveal: "pii" } : undefined);
  const timeline = useCursorList<TimelineEntry>(`${path}/timeline`, { limit: TIMELINE_PAGE });

  if (!customer.data) {
    if (customer.error?.status === 404)
      return (
        <Empty action={<a href="/customers">{t("backToList")}</a>}>
          {t("notFound")}
        </Empty>
      );
    if (customer.error) return <ErrorNotice error={customer.error} onRetry={() => void customer.reload()} />;
    return <Loading />;
  }

  const person = customer.data;
  // "Revealed" once the unmasked answer is in, so the button never says Hide over masked values.
  const revealed = revealRequested && !person.piiMasked;
  return (
    <>
      <nav class="customer-breadcrumb" aria-label={t("backToList")}>
        <a href="/customers">{t("backToList")}</a>
      </nav>
      <PageHeader
        title={<EmbeddedText>{person.displayName || person.code}</EmbeddedText>}
        subtitle={
          <span class="customer-page__subtitle">
            <StageBadge stage={person.lifecycleStage} /> <CustomerCode code={person.code} />
          </span>
        }
        actions={
          <>
            {can("interactions:write") && (
              <Button variant="primary" onClick={() => setQuickAction("call")}>
                <Phone size={16} aria-hidden="true" />
                {q("logCall")}
              </Button>
            )}
            {can("customers:write") && (
              <ButtonLink href={`/customers/${person.id}/edit`}>
                <Pencil size={16} aria-hidden="true" />
                {t("edit")}
              </ButtonLink>
            )}
            {can("customers:delete") && (
              <Button variant="danger" onClick={() => setErasing(true)}>
                <Trash2 size={16} aria-hidden="true" />
                {t("delete")}
              </Button>
            )}
          </>
        }
      />
      <ContactBar customer={person} onSms={smsAvailable ? () => setQuickAction("sms") : undefined} />
      <div class="customer-360">
        <div class="customer-360__about stack">
          <CustomerProfile customer={person} />
          <CustomerAttributes customer={person} onChanged={() => void customer.reload()} />
          <CustomerIdentifiers
            customer={person}
            revealed={revealed}
            revealing={revealRequested && customer.loading}
            revealError={customer.error}
            onReveal={(reveal) => setRevealedId(reveal ? id : null)}
            onChanged={(next) => customer.mutate(next)}
          />
        </div>
        <div class="customer-360__main stack">
          <QuickActions customer={person} onChanged={() => void timeline.reload()} open={quickAction} onOpen={setQuickAction} inHeader={["call"]} />
          <CustomerTimeline timeline={timeline} />
        </div>
        <div class="customer-360__more stack">
          <CustomerOrders customer={person} />
          <PluginPanels customerId={person.id} />
        </div>
      </div>
      {can("customers:delete") && <EraseCustomerDialog customer={person} open={erasing} onClose={() => setErasing(false)} />}
    </>
  );
}
