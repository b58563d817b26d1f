// Sign in with e-mail and password (or, where offered, an SMS code); the app then returns to the
// page the user was sent from. "Forgot password?" is always there: its page says what can be done.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { AuthFrame } from "./auth-frame";
import { authMessages } from "./auth.messages";
import { useSignInOptions } from "./sign-in-options";

export function LoginPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const t = useMessages(authMessages);
  const options = useSignInOptions();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useAction(async () => {
    await api.post("/api/auth/login", { email, password });
    // The signed-in app then leaves /login for the page in ?next= (see app.tsx).
    await onSignedIn();
  });
  const fieldError = (name: string) => login.error?.fieldError(name);
  return (
    <AuthFrame
      title={t("loginTitle")}
      footer={
        <>
          {t("noAccount")} <a href="/signup">{t("createOne")}</a>
        </>
      }
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void login.run();
        }}
      >
        <TextField label={t("email")} type="email" name="email" autoComplete="username" dir="ltr" value={email} onValue={setEmail} error={fieldError("email")} required />
        <TextField label={t("password")} type="password" name="password" autoComplete="current-password" dir="ltr" value={password} onValue={setPassword} error={fieldError("password")} required />
        {login.error && !login.error.problem.errors?.length && <ErrorNotice error={login.error} />}
        <Button type="submit" variant="primary" busy={login.busy}>
          {t("signIn")}
        </Button>
      </form>
      <p class="auth__links">
        <a href="/forgot-password">{t("forgotPassword")}</a>
        {options.data?.smsSignIn && <a href="/login/sms">{t("smsSignIn")}</a>}
      </p>
    </AuthFrame>
  );
}
