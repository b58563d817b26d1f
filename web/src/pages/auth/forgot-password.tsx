// "Forgot password": where a workspace can mail its staff, asks for the e-mail and always answers
// the same (whether or not an account exists); otherwise says to ask the workspace's owner.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { TextField } from "../../components/field";
import { ErrorNotice, Loading } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { AuthFrame } from "./auth-frame";
import { authMessages } from "./auth.messages";
import { useSignInOptions } from "./sign-in-options";

export function ForgotPasswordPage() {
  const t = useMessages(authMessages);
  const options = useSignInOptions();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const ask = useAction(async () => {
    setSent(false);
    await api.post("/api/auth/password-recovery", { email });
    setSent(true);
  });
  const back = <a href="/login">{t("backToSignIn")}</a>;
  let body;
  if (options.error) body = <ErrorNotice error={options.error} onRetry={() => void options.reload()} />;
  else if (!options.data) body = <Loading />;
  else if (options.data.passwordRecovery === "ask_owner") body = <p class="auth__notice">{t("askOwner")}</p>;
  else
    body = (
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void ask.run();
        }}
      >
        <p>{t("forgotIntro")}</p>
        <TextField
          label={t("email")}
          type="email"
          name="email"
          autoComplete="username"
          dir="ltr"
          value={email}
          onValue={setEmail}
          // A refusal without a field (too many requests) is about this address too: shown at it.
          error={ask.error && (ask.error.fieldError("email") ?? (ask.error.problem.errors?.length ? undefined : ask.error.message))}
          required
        />
        <Button type="submit" variant="primary" busy={ask.busy}>
          {t("sendLink")}
        </Button>
        <p class="auth__notice" role="status">
          {sent ? t("linkSent") : ""}
        </p>
      </form>
    );
  return (
    <AuthFrame title={t("forgotTitle")} footer={back} focusKey={options.data?.passwordRecovery}>
      {body}
    </AuthFrame>
  );
}
