// Create a workspace and its owner, in the language chosen on this page.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useLanguage, useMessages } from "../../i18n/i18n";
import { AuthFrame } from "./auth-frame";
import { authMessages } from "./auth.messages";

export function SignupPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const t = useMessages(authMessages);
  const { language } = useLanguage();
  const [form, setForm] = useState({ workspaceName: "", name: "", email: "", password: "" });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const signup = useAction(async () => {
    await api.post("/api/auth/signup", { ...form, locale: language });
    history.replaceState(null, "", "/");
    await onSignedIn();
  });
  const fieldError = (name: string) => signup.error?.fieldError(name);
  return (
    <AuthFrame
      title={t("signupTitle")}
      footer={
        <>
          {t("haveAccount")} <a href="/login">{t("signInInstead")}</a>
        </>
      }
    >
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void signup.run();
        }}
      >
        <TextField label={t("workspaceName")} name="workspaceName" value={form.workspaceName} onValue={set("workspaceName")} error={fieldError("workspaceName")} required />
        <TextField label={t("name")} name="name" autoComplete="name" value={form.name} onValue={set("name")} error={fieldError("name")} required />
        <TextField label={t("email")} type="email" name="email" autoComplete="username" dir="ltr" value={form.email} onValue={set("email")} error={fieldError("email")} required />
        <TextField
          label={t("password")}
          type="password"
          name="password"
          autoComplete="new-password"
          dir="ltr"
          value={form.password}
          onValue={set("password")}
          error={fieldError("password")}
          hint={t("passwordHint")}
          required
        />
        {signup.error && !signup.error.problem.errors?.length && <ErrorNotice error={signup.error} />}
        <Button type="submit" variant="primary" busy={signup.busy}>
          {t("signUp")}
        </Button>
      </form>
    </AuthFrame>
  );
}
