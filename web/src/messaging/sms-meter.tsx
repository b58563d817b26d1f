// The line under an SMS text: parts, characters left in the part, encoding and estimated cost. The
// line itself changes on every keystroke, so screen readers hear it only when the parts or the cost
// change (a separate polite live region), not once per character.
import { useEffect, useState } from "preact/hooks";
import { useFormat } from "../i18n/format";
import { useMessages } from "../i18n/i18n";
import { composerMessages } from "./composer.messages";
import type { LivePreview } from "./use-sms-preview";

export function SmsMeter({ id, live }: { id: string; live: LivePreview }) {
  const t = useMessages(composerMessages);
  const f = useFormat();
  const { count, preview, error } = live;
  const parts = count ? (count.parts === 1 ? t("onePart") : t("parts", { parts: f.number(count.parts) })) : null;
  const many = (preview?.recipients ?? 1) > 1;
  const cost = error
    ? t("costUnavailable", { error: error.message })
    : !preview
      ? count
        ? t("costing")
        : null
      : !preview.cost
        ? t("noPrice")
        : many && preview.totalCost
          ? t("costForAll", { cost: f.money(preview.totalCost.amount, preview.totalCost.currency), recipients: f.number(preview.recipients) })
          : t("cost", { cost: f.money(preview.cost.amount, preview.cost.currency) });
  const [announced, setAnnounced] = useState("");
  const settledCost = preview || error ? cost : null;
  useEffect(() => {
    if (parts && settledCost) setAnnounced(t("announce", { parts, cost: settledCost }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parts, settledCost]);
  return (
    <div id={id} class="sms-meter">
      {count && (
        <ul class="sms-meter__facts" aria-label={t("meterLabel")}>
          <li class="sms-meter__parts">{parts}</li>
          <li>{t("charactersLeft", { count: f.number(count.charactersLeft) })}</li>
          <li>{t(`encoding_${count.encoding}`)}</li>
          {cost && <li class="sms-meter__cost">{cost}</li>}
        </ul>
      )}
      <span class="visually-hidden" aria-live="polite">
        {announced}
      </span>
    </div>
  );
}
