// While SMS goes to the outbox: receive a reply as if a customer had answered (POST
// /api/messaging/simulated-reply), through the same code as a provider's callback, so a shop can
// see a reply land on the customer's timeline, an opt-out word withdraw consent, or an unknown
// number listed below, before any provider is set.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { TextField } from "../../components/field";
import { ErrorNotice, Notice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { unmatchedProblem } from "../customers/field-errors";
import { unmatchedRepliesMessages } from "./unmatched-replies.messages";

interface Receipt {
  replies: { matched: number; unmatched: number; repeated: number };
}

export function SimulatedReplyForm({ onReceived }: { onReceived: () => void }) {
  const t = useMessages(unmatchedRepliesMessages);
  const [from, setFrom] = useState("");
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<string>();
  const receive = useAction(async () => {
    setOutcome(undefined);
    const receipt = await api.post<Receipt>("/api/messaging/simulated-reply", { from: from.trim(), text: text.trim() });
    setOutcome(receipt.replies.matched > 0 ? t("receivedMatched") : receipt.replies.unmatched > 0 ? t("receivedUnmatched") : t("receivedRepeated"));
    setText("");
    onReceived();
  });
  return (
    <form
      class="form simulated-reply"
      noValidate
      aria-labelledby="simulated-reply-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void receive.run();
      }}
    >
      <h3 id="simulated-reply-heading">{t("simulateTitle")}</h3>
      <p class="muted small">{t("simulateIntro")}</p>
      <div class="form__row">
        <TextField label={t("from")} name="from" type="tel" dir="ltr" value={from} onValue={setFrom} error={receive.error?.fieldError("from")} required />
        <TextField label={t("text")} name="text" dir="auto" value={text} onValue={setText} error={receive.error?.fieldError("text")} required />
      </div>
      <ErrorNotice error={unmatchedProblem(receive.error, ["from", "text"])} />
      {outcome && (
        <Notice tone="success" live>
          {outcome}
        </Notice>
      )}
      <div class="form__actions">
        <Button type="submit" busy={receive.busy}>
          {t("receive")}
        </Button>
      </div>
    </form>
  );
}
