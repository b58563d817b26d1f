// The staff list (role, status, actions per person) and the invitation form with its one-time link.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { SelectField, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { ListState } from "./list-state";
import { useRoleName } from "./role-names";
import { SecretBox } from "./secret-box";
import { StaffMember, type User } from "./staff-member";
import { useCursorList } from "./use-cursor-list";
import { usersMessages } from "./users.messages";
import type { Role } from "./users-section";

export function StaffCard({ roles, onInvited }: { roles: Role[]; onInvited: () => void }) {
  const t = useMessages(usersMessages);
  const users = useCursorList<User>("/api/users");
  const [inviting, setInviting] = useState(false);
  return (
    <Card
      title={t("staff")}
      labelledBy="staff-heading"
      actions={
        !inviting && (
          <Button variant="primary" small onClick={() => setInviting(true)}>
            {t("invite")}
          </Button>
        )
      }
    >
      {inviting && <InviteForm roles={roles} onInvited={onInvited} onClose={() => setInviting(false)} />}
      <ListState list={users} empty={t("noUsers")}>
        <ul class="settings-list">
          {users.items.map((user) => (
            <StaffMember key={user.id} user={user} roles={roles} onChanged={(next) => users.setItems((items) => items.map((item) => (item.id === next.id ? next : item)))} />
          ))}
        </ul>
      </ListState>
    </Card>
  );
}

function InviteForm({ roles, onInvited, onClose }: { roles: Role[]; onInvited: () => void; onClose: () => void }) {
  const t = useMessages(usersMessages);
  const common = useMessages(commonMessages);
  const f = useFormat();
  const roleName = useRoleName();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const assignable = roles.filter((role) => role.key !== "owner");
  const [roleId, setRoleId] = useState(assignable.find((role) => role.key === "agent")?.id ?? assignable[0]?.id ?? "");
  const [invitation, setInvitation] = useState<{ link: string; expiresAt: string; email: string }>();
  const invite = useAction(async () => {
    const created = await api.post<{ link: string; expiresAt: string }>("/api/users", { email, roleId, ...(name.trim() ? { name } : {}) });
    setInvitation({ ...created, email });
    onInvited();
  });
  if (invitation)
    return (
      <div class="inline-panel">
        <SecretBox label={t("inviteLink")} value={invitation.link} warning={t("inviteWarning", { email: invitation.email, date: f.dateTime(invitation.expiresAt) })} onDone={onClose} />
      </div>
    );
  return (
    <form
      class="form inline-panel"
      noValidate
      aria-labelledby="invite-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void invite.run();
      }}
    >
      <h3 id="invite-heading">{t("inviteTitle")}</h3>
      <div class="form__row">
        <TextField label={t("email")} type="email" name="email" dir="ltr" autoComplete="off" value={email} onValue={setEmail} error={invite.error?.fieldError("email")} required />
        <TextField label={t("name")} name="name" value={name} onValue={setName} error={invite.error?.fieldError("name")} />
        <SelectField label={t("role")} name="roleId" value={roleId} onValue={setRoleId} error={invite.error?.fieldError("roleId")} options={roles.map((role) => ({ value: role.id, label: roleName(role) }))} />
      </div>
      {invite.error && !invite.error.problem.errors?.length && <ErrorNotice error={invite.error} />}
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={invite.busy}>
          {t("sendInvite")}
        </Button>
        <Button onClick={onClose}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
