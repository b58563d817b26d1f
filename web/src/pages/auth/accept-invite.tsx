// An invitation link (/invite/{token}) or a password reset link (/reset/{token}).
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { AuthFrame } from "./auth-frame";
import { authMessages } from "./auth.messages";

export function AcceptInvitePage({ kind, token, onSignedIn }: { kind: "invite" | "reset"; token: string; onSignedIn: () => Promise<void> }) {
  const t = useMessages(authMessages);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const accept = useAction(async () => {
    await api.post("/api/auth/accept-invite", { token, password, ...(kind === "invite" && name ? { name } : {}) });
    history.replaceState(null, "", "/");
    await onSignedIn();
  });
  return (
    <AuthFrame title={kind === "invite" ? t("inviteTitle") : t("resetTitle")}>
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void accept.run();
        }}
      >
        {kind === "invite" && <TextField label={t("name")} name="name" value={name} onValue={setName} error={accept.error?.fieldError("name")} />}
        <TextField
          label={t("password")}
          type="password"
          name="password"
          autoComplete="new-password"
          dir="ltr"
          value={password}
          onValue={setPassword}
          error={accept.error?.fieldError("password")}
          hint={t("passwordHint")}
          required
        />
        {accept.error && !accept.error.problem.errors?.length && <ErrorNotice error={accept.error} />}
        <Button type="submit" variant="primary" busy={accept.busy}>
          {kind === "invite" ? t("join") : t("setPassword")}
        </Button>
      </form>
    </AuthFrame>
  );
}
