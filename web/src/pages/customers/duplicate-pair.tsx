// One candidate pair on the duplicates page: why they may be one person, both side by side, a
// choice of who stays (the older one unless changed), and the merge behind a confirmation.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { Dialog } from "../../components/dialog";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { formatCalendarDay } from "./calendar-day";
import type { Customer } from "./customer-types";
import { customerWords, wordFor } from "./customer-words.messages";
import { duplicatesMessages } from "./duplicates.messages";
import { LtrText } from "./ltr-text";
import { CustomerCode } from "./customer-code";
import { StageBadge } from "./stage-badge";
import { EmbeddedText } from "../../components/embedded-text";

export interface DuplicateCandidate {
  reason: "same_identifier" | "similar_name";
  customers: [Customer, Customer];
  identifierKinds: [string, string] | null;
  sameCity: boolean;
  sameBirthday: boolean;
}

const nameOf = (customer: Customer) => `${customer.displayName || "—"} (${customer.code})`;

export function DuplicatePair({ candidate, index, onMerged }: { candidate: DuplicateCandidate; index: number; onMerged: (survivor: Customer, mergedId: string) => void }) {
  const t = useMessages(duplicatesMessages);
  const w = useMessages(customerWords);
  const common = useMessages(commonMessages);
  const f = useFormat();
  const toast = useToast();
  const [first, second] = candidate.customers;
  const [survivorId, setSurvivorId] = useState(first.id);
  const [confirming, setConfirming] = useState(false);
  const survivor = survivorId === first.id ? first : second;
  const merged = survivor === first ? second : first;
  const headingId = `duplicate-${first.id}-${second.id}`;

  const merge = useAction(async () => {
    const result = await api.post<Customer>("/api/customers/merge", { survivorId: survivor.id, mergedId: merged.id });
    setConfirming(false);
    toast(t("merged", { name: result.displayName || result.code }));
    onMerged(result, merged.id);
  });

  const kind = (value: string) => {
    const word = wordFor(w, "kind", value);
    return f.language === "en" ? word.toLowerCase() : word;
  };
  const reason =
    candidate.reason === "same_identifier" && candidate.identifierKinds
      ? t("reason_same_identifier", { kindA: kind(candidate.identifierKinds[0]), kindB: kind(candidate.identifierKinds[1]) })
      : t("reason_similar_name");

  return (
    <section class="card duplicate-pair" aria-labelledby={headingId}>
      <div class="duplicate-pair__header">
        <h2 id={headingId}>{t("pair", { n: index + 1 })}</h2>
        <p class="duplicate-pair__reason">
          <span class="badge badge--warning">{reason}</span>
          {candidate.sameCity && <span class="badge">{t("sameCity")}</span>}
          {candidate.sameBirthday && <span class="badge">{t("sameBirthday")}</span>}
        </p>
      </div>
      <fieldset class="duplicate-pair__choice">
        <legend class="visually-hidden">{t("survivorLegend")}</legend>
        {candidate.customers.map((customer) => (
          <div key={customer.id} class={customer.id === survivorId ? "duplicate-side duplicate-side--survivor" : "duplicate-side"}>
            <label class="duplicate-side__keep">
              <input type="radio" name={`survivor-${headingId}`} value={customer.id} checked={customer.id === survivorId} onChange={() => setSurvivorId(customer.id)} />
              <span>{t("keepNamed", { name: nameOf(customer) })}</span>
            </label>
            <h3 class="duplicate-side__name">
              <a href={`/customers/${customer.id}`}><EmbeddedText>{customer.displayName || customer.code}</EmbeddedText></a>
            </h3>
            <dl class="profile-facts">
              <div class="profile-facts__row">
                <dt>{t("code")}</dt>
                <dd>
                  <CustomerCode code={customer.code} />
                </dd>
              </div>
              <div class="profile-facts__row">
                <dt>{t("identifiers")}</dt>
                <dd>
                  <ul class="duplicate-side__ids">
                    {customer.identifiers
                      .filter((identifier) => identifier.kind !== "issued")
                      .map((identifier) => (
                        <li key={identifier.id}>
                          <span class="muted small">{wordFor(w, "kind", identifier.kind)}:</span> <LtrText>{identifier.value}</LtrText>
                        </li>
                      ))}
                  </ul>
                </dd>
              </div>
              <div class="profile-facts__row">
                <dt>{t("city")}</dt>
                <dd>{customer.city ?? "—"}</dd>
              </div>
              {customer.birthday && (
                <div class="profile-facts__row">
                  <dt>{t("birthday")}</dt>
                  <dd>{formatCalendarDay(customer.birthday, f.language)}</dd>
                </div>
              )}
              <div class="profile-facts__row">
                <dt>{t("stage")}</dt>
                <dd>
                  <StageBadge stage={customer.lifecycleStage} />
                </dd>
              </div>
              <div class="profile-facts__row">
                <dt>{t("orders")}</dt>
                <dd>
                  {f.number(customer.stats.orderCount)} · {f.money(customer.stats.totalSpent)}
                </dd>
              </div>
              <div class="profile-facts__row">
                <dt>{t("created")}</dt>
                <dd>{f.date(customer.createdAt)}</dd>
              </div>
            </dl>
          </div>
        ))}
      </fieldset>
      <div class="form__actions">
        <Button variant="primary" onClick={() => setConfirming(true)}>
          {t("merge")}
        </Button>
      </div>
      <Dialog open={confirming} title={t("mergeTitle")} onClose={() => setConfirming(false)}>
        <div class="form">
          <p>{t("mergeText", { merged: nameOf(merged), survivor: nameOf(survivor) })}</p>
          <ErrorNotice error={merge.error} />
          <div class="form__actions">
            <Button variant="primary" busy={merge.busy} onClick={() => void merge.run()}>
              {t("mergeConfirm", { name: survivor.displayName || survivor.code })}
            </Button>
            <Button onClick={() => setConfirming(false)}>{common("cancel")}</Button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}
