// Changing one's own password (POST /api/auth/password). The server signs the user's other
// sessions out; this one stays, so the form only clears itself and says how many ended.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { changePasswordMessages } from "./change-password.messages";

export function ChangePasswordCard() {
  const t = useMessages(changePasswordMessages);
  const toast = useToast();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const change = useAction(async () => {
    const result = await api.post<{ signedOutSessions: number }>("/api/auth/password", { currentPassword, newPassword });
    setCurrentPassword("");
    setNewPassword("");
    toast(result.signedOutSessions ? t("changedElsewhere", { count: result.signedOutSessions }) : t("changed"));
  });
  return (
    <Card title={t("heading")} labelledBy="change-password-heading">
      <form
        class="form settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void change.run();
        }}
      >
        <TextField
          label={t("current")}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          dir="ltr"
          value={currentPassword}
          onValue={setCurrentPassword}
          error={change.error?.fieldError("currentPassword")}
          required
        />
        <TextField
          label={t("new")}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          dir="ltr"
          value={newPassword}
          onValue={setNewPassword}
          error={change.error?.fieldError("newPassword")}
          hint={t("newHint")}
          required
        />
        {change.error && !change.error.problem.errors?.length && <ErrorNotice error={change.error} />}
        <div class="form__actions">
          <Button type="submit" variant="primary" busy={change.busy}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
