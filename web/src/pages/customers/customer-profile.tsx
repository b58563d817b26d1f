// The customer's profile card: who they are, where, their stage and value, who looks after them,
// and what they agreed to be sent. Address comes masked unless revealed.
import type { ComponentChildren } from "preact";
import { Card } from "../../components/card";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { formatCalendarDay } from "./calendar-day";
import type { Customer } from "./customer-types";
import { customerPageMessages } from "./customer-page.messages";
import { customerWords, wordFor } from "./customer-words.messages";
import { customerSince, readRfm } from "./customer-summary";
import { StageBadge } from "./stage-badge";
import { useStaff } from "./use-staff";
import { EmbeddedText } from "../../components/embedded-text";
import { cityName } from "./cities";
import { LtrText } from "./ltr-text";
import { provinceName } from "./provinces";

function Row({ label, children }: { label: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="profile-facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function CustomerProfile({ customer }: { customer: Customer }) {
  const t = useMessages(customerPageMessages);
  const w = useMessages(customerWords);
  const f = useFormat();
  const { nameOf } = useStaff();
  const consent = (state: Customer["consent"]["sms"]) => (
    <>
      {wordFor(w, "consent", state.status)}
      {state.at && <span class="muted small"> ({t("since", { date: f.date(state.at) })})</span>}
    </>
  );
  // Listed cities and provinces are stored in Persian and read in the reader's language.
  const city = customer.city ? cityName(customer.city, customer.province, f.language) : null;
  const province = customer.province ? provinceName(customer.province, f.language) : null;
  const place = [city, province !== city ? province : null].filter(Boolean).join(f.language === "fa" ? "، " : ", ");
  const rfm = readRfm(customer.rfmSegment);
  return (
    <Card title={t("profile")} labelledBy="profile-title">
      <dl class="profile-facts">
        <Row label={t("kind")}>{customer.kind === "organization" ? w("organization") : w("person")}</Row>
        <Row label={t("stage")}>
          <StageBadge stage={customer.lifecycleStage} />
        </Row>
        {rfm && (
          <Row label={t("valueSegment")}>
            <span class="rfm-words">
              {t(`rfm_${rfm.segment}`)}
              {f.language === "fa" ? "، " : ", "}
              {t(`recency_${rfm.recency}`)}
            </span>
            <span class="muted small rfm-basis">
              {t("rfmBasis", {
                last: f.date(customer.stats.lastOrderAt),
                orders: f.number(customer.stats.orderCount),
                spent: f.money(customer.stats.totalSpent),
                r: f.number(rfm.scores.r),
                f: f.number(rfm.scores.f),
                m: f.number(rfm.scores.m),
              })}
            </span>
          </Row>
        )}
        <Row label={t("tags")}>
          {customer.tags.length ? (
            <span class="customer-tags">
              {customer.tags.map((tag) => (
                <span key={tag} class="badge">
                  <EmbeddedText>{tag}</EmbeddedText>
                </span>
              ))}
            </span>
          ) : (
            "—"
          )}
        </Row>
        <Row label={t("place")}>{place ? <EmbeddedText>{place}</EmbeddedText> : "—"}</Row>
        {customer.address && <Row label={t("address")}><EmbeddedText>{customer.address}</EmbeddedText></Row>}
        {customer.postalCode && (
          <Row label={t("postalCode")}>
            <LtrText>{f.digits(customer.postalCode)}</LtrText>
          </Row>
        )}
        {customer.gender && <Row label={t("gender")}>{wordFor(w, "gender", customer.gender)}</Row>}
        {customer.birthday && <Row label={t("birthday")}>{formatCalendarDay(customer.birthday, f.language)}</Row>}
        <Row label={t("owner")}>{customer.ownerUserId ? (nameOf(customer.ownerUserId) ?? t("otherStaff")) : <span class="muted">{t("unassigned")}</span>}</Row>
        <Row label={t("consentSms")}>{consent(customer.consent.sms)}</Row>
        <Row label={t("consentEmail")}>{consent(customer.consent.email)}</Row>
        <Row label={t("customerSince")}>{f.date(customerSince(customer.createdAt, customer.stats.firstOrderAt))}</Row>
      </dl>
    </Card>
  );
}
