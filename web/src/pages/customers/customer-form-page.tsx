// Create (/customers/new) or edit (/customers/:id/edit) a customer. Editing reads the customer
// unmasked when the user may see personal data (audited by the API), so identifiers can be
// corrected; otherwise masked values stay as hints and are kept unless retyped. On success the
// customer's page opens with a "Saved" toast.
import { useEffect, useState } from "preact/hooks";
import { useLocation, useParams, useSearch } from "wouter-preact";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { useResource } from "../../api/use-resource";
import { Button, ButtonLink } from "../../components/button";
import { Card, PageHeader } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { Empty, ErrorNotice, Loading, Notice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useLanguage, useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { FORM_FIELDS, CustomerFormFields } from "./customer-form";
import { customerFormMessages } from "./customer-form.messages";
import { EMPTY_VALUES, createBody, updateBody, valuesFromCustomer, type CustomerFormValues } from "./customer-form-values";
import type { Customer } from "./customer-types";
import { unmatchedProblem } from "./field-errors";

export default function CustomerFormPage() {
  const { id } = useParams<{ id?: string }>();
  const t = useMessages(customerFormMessages);
  const common = useMessages(commonMessages);
  const { language } = useLanguage();
  const { can } = useSession();
  // The top-bar search offers "create a customer with this number" as /customers/new?mobile=….
  const typedMobile = new URLSearchParams(useSearch()).get("mobile") ?? "";
  const existing = useResource<Customer>(id ? `/api/customers/${encodeURIComponent(id)}` : null, can("customers.pii:read") ? { reveal: "pii" } : undefined);

  if (!can("customers:write")) return <Empty>{t("noPermission")}</Empty>;
  if (!id) return <CustomerFormScreen key="new" initial={{ ...EMPTY_VALUES, mobile: typedMobile }} />;
  if (existing.error) {
    if (existing.error.status === 404) return <Empty action={<a href="/customers">{common("back")}</a>}>{existing.error.message}</Empty>;
    return <ErrorNotice error={existing.error} onRetry={() => void existing.reload()} />;
  }
  if (!existing.data) return <Loading />;
  return <CustomerFormScreen key={existing.data.id} customer={existing.data} initial={valuesFromCustomer(existing.data, language === "fa" ? "، " : ", ")} />;
}

function CustomerFormScreen({ customer, initial }: { customer?: Customer; initial: CustomerFormValues }) {
  const t = useMessages(customerFormMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const [, navigate] = useLocation();
  const [values, setValues] = useState(initial);
  const [unchanged, setUnchanged] = useState(false);
  useEffect(() => setUnchanged(false), [values]);

  const save = useAction(async () => {
    let saved: Customer;
    if (customer) {
      const body = updateBody(initial, values, customer.piiMasked);
      if (Object.keys(body).length === 0) {
        setUnchanged(true);
        return;
      }
      saved = await api.patch<Customer>(`/api/customers/${encodeURIComponent(customer.id)}`, body);
    } else {
      saved = await api.post<Customer>("/api/customers", createBody(values));
    }
    toast(t("saved"));
    navigate(`/customers/${saved.id}`);
  });

  const title = customer ? t("editTitle", { name: customer.displayName || customer.code }) : t("newTitle");
  const backHref = customer ? `/customers/${customer.id}` : "/customers";
  const other = unmatchedProblem(save.error, FORM_FIELDS);

  return (
    <>
      <PageHeader title={title} />
      <Card class="customer-form">
        <form
          class="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save.run();
          }}
        >
          <CustomerFormFields values={values} onChange={setValues} error={save.error} existing={customer} />
          {other && <ErrorNotice error={other} />}
          {unchanged && <Notice tone="muted">{t("nothingChanged")}</Notice>}
          <div class="form__actions">
            <Button type="submit" variant="primary" busy={save.busy}>
              {customer ? t("save") : t("create")}
            </Button>
            <ButtonLink href={backHref}>{common("cancel")}</ButtonLink>
          </div>
        </form>
      </Card>
    </>
  );
}
