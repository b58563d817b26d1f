// Sign in with a one-time SMS code: the mobile, then the code. The first answer is the same
// whether or not the mobile may sign in; a wrong, spent or expired code is said at the code field.
import { useState } from "preact/hooks";
import { api, type ApiError } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { MobileField, TextField } from "../../components/field";
import { useMessages } from "../../i18n/i18n";
import { AuthFrame } from "./auth-frame";
import { authMessages } from "./auth.messages";

/** The API's message for the field, or a whole-request refusal (expired, too many tries) shown there too. */
const errorAt = (error: ApiError | undefined, field: string) => error && (error.fieldError(field) ?? (error.problem.errors?.length ? undefined : error.message));

export function SmsSignInPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const t = useMessages(authMessages);
  const [mobile, setMobile] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<"mobile" | "code">("mobile");
  const send = useAction(async () => {
    await api.post("/api/auth/sms-code", { mobile });
    setCode("");
    setStep("code");
  });
  const verify = useAction(async () => {
    await api.post("/api/auth/sms-code/verify", { mobile, code });
    history.replaceState(null, "", "/");
    await onSignedIn();
  });
  const footer = <a href="/login">{t("backToSignIn")}</a>;

  if (step === "mobile")
    return (
      <AuthFrame title={t("smsTitle")} footer={footer} focusKey={step}>
        <form
          class="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void send.run();
          }}
        >
          <MobileField label={t("mobile")} value={mobile} onValue={setMobile} hint={t("mobileHint")} error={errorAt(send.error, "mobile")} required />
          <Button type="submit" variant="primary" busy={send.busy}>
            {t("sendCode")}
          </Button>
        </form>
      </AuthFrame>
    );

  return (
    <AuthFrame title={t("smsTitle")} footer={footer} focusKey={step}>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void verify.run();
        }}
      >
        <p class="auth__notice" role="status">
          {t("codeSent")}
        </p>
        <TextField
          key="code"
          label={t("code")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          value={code}
          onValue={setCode}
          hint={t("codeHint")}
          error={errorAt(verify.error, "code") ?? errorAt(send.error, "code")}
          required
        />
        <Button type="submit" variant="primary" busy={verify.busy}>
          {t("signIn")}
        </Button>
        <div class="form__actions">
          <Button
            type="button"
            busy={send.busy}
            onClick={() => {
              verify.clearError();
              void send.run();
            }}
          >
            {t("newCode")}
          </Button>
          <Button type="button" onClick={() => setStep("mobile")}>
            {t("otherMobile")}
          </Button>
        </div>
      </form>
    </AuthFrame>
  );
}
