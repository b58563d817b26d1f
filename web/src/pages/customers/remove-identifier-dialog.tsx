// Removes one identifier from a customer after asking (DELETE .../identifiers/{identifierId});
// the API refuses the CID's and the issued code, which the card never offers.
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { Dialog } from "../../components/dialog";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import type { Customer } from "./customer-types";
import { customerPageMessages } from "./customer-page.messages";
import { customerWords, wordFor } from "./customer-words.messages";
import { LtrText } from "./ltr-text";

type Identifier = Customer["identifiers"][number];

export function RemoveIdentifierDialog({ identifier, path, onClose, onRemoved }: { identifier: Identifier | null; path: string; onClose: () => void; onRemoved: (customer: Customer) => void }) {
  const t = useMessages(customerPageMessages);
  const w = useMessages(customerWords);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const remove = useAction(async () => {
    const customer = await api.delete<Customer>(path);
    toast(t("identifierRemoved"));
    onRemoved(customer);
  });
  return (
    <Dialog open={identifier !== null} title={t("removeIdentifierTitle")} onClose={onClose}>
      {identifier && (
        <div class="form">
          <p>
            {wordFor(w, "kind", identifier.kind)} <LtrText>{identifier.value}</LtrText>
          </p>
          <p class="muted">{t("removeIdentifierText")}</p>
          <ErrorNotice error={remove.error} />
          <div class="form__actions">
            <Button variant="danger" busy={remove.busy} onClick={() => void remove.run()}>
              {t("remove")}
            </Button>
            <Button onClick={onClose}>{common("cancel")}</Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
