// Every identifier the customer is found by, masked as the API sends it. "Reveal" (only with
// customers.pii:read) asks the API again with ?reveal=pii, which the API writes to the audit log.
// With customers:write an identifier can be added (a second mobile, a shop's id) or removed.
import { Eye, EyeOff, Trash2 } from "lucide-preact";
import { useState } from "preact/hooks";
import { type ApiError, withQuery } from "../../api/client";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { ErrorNotice, Notice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { AddIdentifierForm } from "./add-identifier-form";
import type { Customer } from "./customer-types";
import { customerPageMessages } from "./customer-page.messages";
import { customerWords, wordFor } from "./customer-words.messages";
import { LtrText } from "./ltr-text";
import { identifierText } from "./identifier-text";
import { RemoveIdentifierDialog } from "./remove-identifier-dialog";

type Identifier = Customer["identifiers"][number];

interface Props {
  customer: Customer;
  revealed: boolean;
  revealing: boolean;
  revealError: ApiError | undefined;
  onReveal: (reveal: boolean) => void;
  /** The customer as the API answered after a change. */
  onChanged: (customer: Customer) => void;
}

export function CustomerIdentifiers({ customer, revealed, revealing, revealError, onReveal, onChanged }: Props) {
  const t = useMessages(customerPageMessages);
  const f = useFormat();
  const w = useMessages(customerWords);
  const { me, can } = useSession();
  const cidKind = me?.workspace.cidKind;
  const [removing, setRemoving] = useState<Identifier | null>(null);
  const path = (suffix = "") => withQuery(`/api/customers/${encodeURIComponent(customer.id)}/identifiers${suffix}`, revealed ? { reveal: "pii" } : undefined);
  // The CID is one identifier of the workspace's kind (a customer may have two mobiles).
  const isCid = (identifier: Identifier) => identifier.kind === cidKind && identifier.value === customer.cid;
  const removable = (identifier: Identifier) => can("customers:write") && identifier.kind !== "issued" && !isCid(identifier);

  return (
    <Card
      title={t("identifiers")}
      labelledBy="identifiers-title"
      actions={
        can("customers.pii:read") &&
        (customer.piiMasked || revealed) && (
          <Button small busy={revealing} onClick={() => onReveal(!revealed)}>
            {revealed ? <EyeOff size={16} aria-hidden="true" /> : <Eye size={16} aria-hidden="true" />}
            {revealed ? t("hide") : t("reveal")}
          </Button>
        )
      }
    >
      <ErrorNotice error={revealError} />
      <ul class="customer-ids">
        {customer.identifiers.map((identifier) => (
          <li key={identifier.id} class="customer-ids__item">
            <span class="customer-ids__kind">
              {wordFor(w, "kind", identifier.kind)}
              {isCid(identifier) && <span class="badge badge--primary customer-ids__cid">{t("cid")}</span>}
            </span>
            <LtrText>{identifierText(identifier.kind, identifier.value, f)}</LtrText>
            {removable(identifier) && (
              <button type="button" class="icon-button customer-ids__remove" aria-label={t("removeIdentifier", { kind: wordFor(w, "kind", identifier.kind), value: identifier.value })} onClick={() => setRemoving(identifier)}>
                <Trash2 size={16} aria-hidden="true" />
              </button>
            )}
          </li>
        ))}
      </ul>
      {revealed && !customer.piiMasked ? <Notice tone="warning">{t("revealedNote")}</Notice> : customer.piiMasked && <p class="muted small customer-ids__note">{t("maskedNote")}</p>}
      {can("customers:write") && <AddIdentifierForm path={path()} onAdded={onChanged} />}
      <RemoveIdentifierDialog
        identifier={removing}
        path={removing ? path(`/${encodeURIComponent(removing.id)}`) : ""}
        onClose={() => setRemoving(null)}
        onRemoved={(next) => {
          setRemoving(null);
          onChanged(next);
        }}
      />
    </Card>
  );
}
