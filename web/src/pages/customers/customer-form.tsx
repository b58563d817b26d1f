// The customer form's fields, grouped as a person reads them: who, identifiers, place, then tags,
// owner and consent. Each field shows the API's own message for it (errors[].path body.<field>).
import type { ComponentChildren } from "preact";
import type { ApiError } from "../../api/client";
import { DateField } from "../../components/date-field";
import { SelectField, TextArea, TextField } from "../../components/field";
import { useLanguage, useMessages } from "../../i18n/i18n";
import { provinceOptions } from "./provinces";
import { isListedCity } from "./cities";
import { CityField } from "./city-field";
import { useSession } from "../../session/session";
import { formatCalendarDay } from "./calendar-day";
import type { Customer } from "./customer-types";
import { customerFormMessages } from "./customer-form.messages";
import type { CustomerFormValues } from "./customer-form-values";
import { CONSENT_STATES, customerWords, wordFor } from "./customer-words.messages";
import { LtrText } from "./ltr-text";
import { useStaff } from "./use-staff";

/** The form field that holds each CID kind. */
const CID_FIELD: Record<string, keyof CustomerFormValues> = { mobile: "mobile", email: "email", national_code: "nationalCode", username: "username" };

function Section({ title, hint, children }: { title: string; hint?: ComponentChildren; children: ComponentChildren }) {
  return (
    <fieldset class="customer-form__section">
      <legend>{title}</legend>
      {hint && <p class="field__hint customer-form__section-hint">{hint}</p>}
      <div class="form__row">{children}</div>
    </fieldset>
  );
}

interface Props {
  values: CustomerFormValues;
  onChange: (values: CustomerFormValues) => void;
  error: ApiError | undefined;
  /** The customer being edited (masked values become hints), or undefined for a new one. */
  existing?: Customer | undefined;
}

export function CustomerFormFields({ values, onChange, error, existing }: Props) {
  const t = useMessages(customerFormMessages);
  const w = useMessages(customerWords);
  const { language } = useLanguage();
  const { me } = useSession();
  const { staff } = useStaff();
  const cidField = CID_FIELD[me?.workspace.cidKind ?? ""];
  const set = (field: keyof CustomerFormValues) => (value: string) => onChange({ ...values, [field]: value });
  const fieldError = (field: string) => error?.fieldError(field);
  /** For a masked identifier: what it is now, and that empty keeps it. */
  const maskedHint = (field: "mobile" | "email" | "nationalCode" | "postalCode" | "address") => {
    const current = existing?.piiMasked ? existing[field] : null;
    return current ? (
      <>
        {t("maskedKeep")} <LtrText>{current}</LtrText>
      </>
    ) : undefined;
  };
  const cidHint = (field: keyof CustomerFormValues) => (field === cidField && !existing ? t("cidRequired") : undefined);
  const consentOptions = CONSENT_STATES.map((state) => ({ value: state, label: wordFor(w, "consent", state) }));
  const ownerOptions = [{ value: "", label: t("unassigned") }, ...staff.map((member) => ({ value: member.id, label: member.name }))];
  if (values.ownerUserId && !ownerOptions.some((option) => option.value === values.ownerUserId)) ownerOptions.push({ value: values.ownerUserId, label: values.ownerUserId });

  return (
    <>
      <Section title={t("who")}>
        <SelectField
          label={t("kind")}
          name="kind"
          value={values.kind}
          onValue={set("kind")}
          options={[
            { value: "person", label: w("person") },
            { value: "organization", label: w("organization") },
          ]}
          error={fieldError("kind")}
        />
        {values.kind === "organization" && (
          <TextField label={t("organizationName")} name="organizationName" value={values.organizationName} onValue={set("organizationName")} error={fieldError("organizationName")} autoComplete="organization" />
        )}
        <TextField label={t("firstName")} name="firstName" value={values.firstName} onValue={set("firstName")} error={fieldError("firstName")} autoComplete="off" />
        <TextField label={t("lastName")} name="lastName" value={values.lastName} onValue={set("lastName")} error={fieldError("lastName")} autoComplete="off" />
        {values.kind === "person" && (
          <>
            <SelectField
              label={t("gender")}
              name="gender"
              value={values.gender}
              onValue={set("gender")}
              options={[{ value: "", label: t("genderUnset") }, ...["female", "male", "other"].map((gender) => ({ value: gender, label: wordFor(w, "gender", gender) }))]}
              error={fieldError("gender")}
            />
            <DateField
              label={t("birthday")}
              name="birthday"
              value={values.birthday}
              onValue={set("birthday")}
              // The browser's Gregorian picker writes the day its own way; Jalali parts need no echo.
              hint={values.birthday && language === "en" ? formatCalendarDay(values.birthday, language) : undefined}
              error={fieldError("birthday")}
            />
          </>
        )}
      </Section>

      <Section title={t("identifiers")} hint={t("identifiersHint")}>
        <TextField
          label={t("mobile")}
          name="mobile"
          type="tel"
          inputMode="tel"
          dir="ltr"
          value={values.mobile}
          onValue={set("mobile")}
          error={fieldError("mobile")}
          hint={maskedHint("mobile") ?? cidHint("mobile")}
          required={cidField === "mobile" && !existing}
          autoComplete="off"
        />
        <TextField
          label={t("email")}
          name="email"
          type="email"
          dir="ltr"
          value={values.email}
          onValue={set("email")}
          error={fieldError("email")}
          hint={maskedHint("email") ?? cidHint("email")}
          required={cidField === "email" && !existing}
          autoComplete="off"
        />
        <TextField
          label={t("nationalCode")}
          name="nationalCode"
          inputMode="numeric"
          dir="ltr"
          value={values.nationalCode}
          onValue={set("nationalCode")}
          error={fieldError("nationalCode")}
          hint={maskedHint("nationalCode") ?? cidHint("nationalCode")}
          required={cidField === "nationalCode" && !existing}
          autoComplete="off"
        />
        <TextField
          label={t("username")}
          name="username"
          dir="ltr"
          value={values.username}
          onValue={set("username")}
          error={fieldError("username")}
          hint={cidHint("username")}
          required={cidField === "username" && !existing}
          autoComplete="off"
        />
      </Section>

      <Section title={t("place")}>
        <SelectField
          label={t("province")}
          name="province"
          value={values.province}
          // A city picked from the old province's list cannot be right in the new one; a typed one stays.
          onValue={(province) => onChange({ ...values, province, city: isListedCity(values.province, values.city) ? "" : values.city })}
          error={fieldError("province")}
          options={provinceOptions(language, values.province, "—")}
        />
        <CityField province={values.province} value={values.city} onValue={set("city")} error={fieldError("city")} />
        <TextField
          label={t("postalCode")}
          name="postalCode"
          inputMode="numeric"
          dir="ltr"
          value={values.postalCode}
          onValue={set("postalCode")}
          error={fieldError("postalCode")}
          hint={maskedHint("postalCode") ?? t("postalCodeHint")}
          autoComplete="off"
        />
        <div class="customer-form__wide">
          <TextArea label={t("address")} name="address" value={values.address} onValue={set("address")} rows={2} error={fieldError("address")} hint={maskedHint("address")} />
        </div>
      </Section>

      <Section title={t("more")}>
        <TextField label={t("tags")} name="tags" value={values.tags} onValue={set("tags")} hint={t("tagsHint")} error={fieldError("tags")} autoComplete="off" />
        <SelectField label={t("owner")} name="ownerUserId" value={values.ownerUserId} onValue={set("ownerUserId")} options={ownerOptions} error={fieldError("ownerUserId")} />
        <SelectField label={t("consentSms")} name="consentSms" value={values.consentSms} onValue={set("consentSms")} options={consentOptions} error={fieldError("consent.sms")} />
        <SelectField label={t("consentEmail")} name="consentEmail" value={values.consentEmail} onValue={set("consentEmail")} options={consentOptions} error={fieldError("consent.email")} />
      </Section>
    </>
  );
}

/** Every field name the form shows an error under, so the rest can be shown above the buttons. */
export const FORM_FIELDS = ["kind", "organizationName", "firstName", "lastName", "gender", "birthday", "mobile", "email", "nationalCode", "username", "province", "city", "postalCode", "address", "tags", "ownerUserId", "consent"];
