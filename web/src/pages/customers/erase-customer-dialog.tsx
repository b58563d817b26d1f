// Erasing a customer (DELETE /api/customers/{id}) removes the person for good, so it asks first
// and says exactly what goes and what stays.
import { useLocation } from "wouter-preact";
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

export function EraseCustomerDialog({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const t = useMessages(customerPageMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const [, navigate] = useLocation();
  const erase = useAction(async () => {
    await api.delete(`/api/customers/${encodeURIComponent(customer.id)}`);
    toast(t("erased"));
    navigate("/customers");
  });
  return (
    <Dialog open={open} title={t("eraseTitle")} onClose={onClose}>
      <div class="form">
        <p>{t("eraseText", { name: customer.displayName || customer.code })}</p>
        <ErrorNotice error={erase.error} />
        <div class="form__actions">
          <Button variant="danger" busy={erase.busy} onClick={() => void erase.run()}>
            {t("eraseConfirm")}
          </Button>
          <Button onClick={onClose}>{common("cancel")}</Button>
        </div>
      </div>
    </Dialog>
  );
}
