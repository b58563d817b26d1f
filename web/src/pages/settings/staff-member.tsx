// One staff member: role (changed in place), status, and the actions an admin takes on them
// (deactivate or reactivate, reset the password, end every session). A reset link goes to the
// person's e-mail when the workspace has a provider; otherwise only an owner is shown it.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { SelectField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { ConfirmButton } from "./confirm-button";
import { useRoleName } from "./role-names";
import { SecretBox } from "./secret-box";
import { usersMessages } from "./users.messages";
import type { Role } from "./users-section";
import { EmbeddedText } from "../../components/embedded-text";

export interface User {
  id: string;
  email: string;
  name: string;
  role: { id: string; key: string; name: string };
  status: "active" | "disabled";
  passwordSet: boolean;
  createdAt: string;
}

export function StaffMember({ user, roles, onChanged }: { user: User; roles: Role[]; onChanged: (user: User) => void }) {
  const t = useMessages(usersMessages);
  const f = useFormat();
  const toast = useToast();
  const roleName = useRoleName();
  const { me } = useSession();
  const isMe = me?.user.id === user.id;
  const [resetLink, setResetLink] = useState<{ link: string; expiresAt: string }>();
  // One error slot per person, shown under them: whichever of their actions failed last.
  const update = useAction(async (changes: { roleId?: string; status?: User["status"] }) => {
    const next = await api.patch<User>(`/api/users/${user.id}`, changes);
    onChanged(next);
    if (changes.roleId) toast(t("roleChanged"));
    return true;
  });
  const reset = useAction(async () => {
    const result = await api.post<{ delivery: "email" | "link"; link?: string; expiresAt: string }>(`/api/users/${user.id}/reset-password`);
    // With an e-mail provider the link goes to the person's inbox and never to this screen.
    if (result.link) setResetLink({ link: result.link, expiresAt: result.expiresAt });
    else toast(t("resetEmailed", { email: user.email }));
    onChanged({ ...user, passwordSet: false });
    return true;
  });
  const revoke = useAction(async () => {
    const result = await api.post<{ revokedSessions: number }>(`/api/users/${user.id}/revoke-sessions`);
    toast(t("revoked", { count: result.revokedSessions }));
    return true;
  });
  const error = update.error ?? reset.error ?? revoke.error;
  const roleOptions = roles.map((role) => ({ value: role.id, label: roleName(role) }));
  if (!roles.some((role) => role.id === user.role.id)) roleOptions.push({ value: user.role.id, label: roleName(user.role) });

  return (
    <li class="settings-item" aria-label={user.name}>
      <div class="settings-item__main">
        <div class="settings-item__title">
          <strong>{user.name}</strong>
          {isMe && <span class="muted small">({t("you")})</span>}
          <span class={user.status === "active" ? "badge badge--success" : "badge badge--danger"}>{user.status === "active" ? t("active") : t("disabledStatus")}</span>
          {!user.passwordSet && user.status === "active" && <span class="badge badge--warning">{t("pending")}</span>}
        </div>
        <div class="muted small">
          <EmbeddedText class="ltr">{user.email}</EmbeddedText> · {t("joined", { date: f.date(user.createdAt) })}
        </div>
      </div>
      <div class="settings-item__controls">
        <div class="settings-item__role">
          <SelectField label={t("roleOf", { name: user.name })} value={user.role.id} disabled={isMe || update.busy} onValue={(roleId) => void update.run({ roleId })} options={roleOptions} />
        </div>
        {!isMe && (
          <div class="row">
            {user.status === "active" ? (
              <ConfirmButton
                label={t("deactivate")}
                title={t("deactivateTitle", { name: user.name })}
                message={t("deactivateText")}
                busy={update.busy}
                error={<ErrorNotice error={update.error} />}
                onConfirm={async () => Boolean(await update.run({ status: "disabled" }))}
              />
            ) : (
              <Button small busy={update.busy} onClick={() => void update.run({ status: "active" })}>
                {t("reactivate")}
              </Button>
            )}
            {user.status === "active" && (
              <>
                <ConfirmButton
                  label={t("resetPassword")}
                  title={t("resetTitle", { name: user.name })}
                  message={t("resetText")}
                  variant="primary"
                  busy={reset.busy}
                  error={<ErrorNotice error={reset.error} />}
                  onConfirm={async () => Boolean(await reset.run())}
                />
                <ConfirmButton
                  label={t("revokeSessions")}
                  title={t("revokeTitle", { name: user.name })}
                  message={t("revokeText")}
                  busy={revoke.busy}
                  error={<ErrorNotice error={revoke.error} />}
                  onConfirm={async () => Boolean(await revoke.run())}
                />
              </>
            )}
          </div>
        )}
      </div>
      {resetLink && (
        <div class="settings-item__extra">
          <SecretBox label={t("resetLink")} value={resetLink.link} warning={t("resetWarning", { name: user.name, date: f.dateTime(resetLink.expiresAt) })} onDone={() => setResetLink(undefined)} />
        </div>
      )}
      {error && !update.busy && (
        <div class="settings-item__extra">
          <ErrorNotice error={error} />
        </div>
      )}
    </li>
  );
}
