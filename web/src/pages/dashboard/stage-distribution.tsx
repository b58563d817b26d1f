// How many customers are in each lifecycle stage now: one bar per stage, each a link to the
// customers of that stage. Plain HTML bars, so the numbers are text a screen reader reads; a link's
// name is its visible text (plus the unit, unseen), so speech control finds it by what it shows.
import { Card } from "../../components/card";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { dashboardMessages } from "./dashboard.messages";
import { customerWords, wordFor } from "../customers/customer-words.messages";
import { LIFECYCLE_STAGES, type Overview } from "./stats-api";

export function StageDistribution({ overview }: { overview: Overview }) {
  const t = useMessages(dashboardMessages);
  const f = useFormat();
  // One word per stage everywhere: the same words as the customers list and page.
  const w = useMessages(customerWords);
  const { byStage, total } = overview.customers;
  const largest = Math.max(1, ...LIFECYCLE_STAGES.map((stage) => byStage[stage]));
  return (
    <Card title={t("stages")} labelledBy="chart-stages">
      <p class="muted small stage-bars__hint">{t("stagesHint")}</p>
      {total === 0 ? (
        <p class="muted">{t("stagesEmpty")}</p>
      ) : (
        <ul class="stage-bars">
          {LIFECYCLE_STAGES.map((stage) => {
            const count = byStage[stage];
            const share = f.percent((count / total) * 100);
            return (
              <li key={stage} class={`stage-bars__item stage-bars__item--${stage}`}>
                <a href={`/customers?stage=${stage}`} class="stage-bars__link">
                  <span class="stage-bars__label">{wordFor(w, "stage", stage)}</span>
                  <span class="stage-bars__track" aria-hidden="true">
                    {count > 0 && <span class="stage-bars__fill" style={{ inlineSize: `${(count / largest) * 100}%` }} />}
                  </span>
                  <span class="stage-bars__count">
                    {f.number(count)} <span class="visually-hidden">{t("stageCustomers")}</span> <span class="muted small">({share})</span>
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
