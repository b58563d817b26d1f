// A customer's lifecycle stage as a coloured badge: the colour says how the relationship is going.
import { useMessages } from "../../i18n/i18n";
import { customerWords, wordFor } from "./customer-words.messages";

const TONES: Record<string, string> = {
  prospect: "",
  new: "badge--primary",
  active: "badge--success",
  won_back: "badge--success",
  at_risk: "badge--warning",
  lapsed: "badge--danger",
};

export function StageBadge({ stage }: { stage: string }) {
  const t = useMessages(customerWords);
  return <span class={["badge", TONES[stage]].filter(Boolean).join(" ")}>{wordFor(t, "stage", stage)}</span>;
}
