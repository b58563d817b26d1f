// Invitations not yet accepted: who was invited, with which role, by whom and until when, each
// with a revoke button. The server refuses revoking an invitation to a role the viewer could not
// give; the error shows in the dialog.
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Card } from "../../components/card";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { ConfirmButton } from "./confirm-button";
import { ListState } from "./list-state";
import { useRoleName } from "./role-names";
import type { CursorList } from "./use-cursor-list";
import { usersMessages } from "./users.messages";
import { EmbeddedText } from "../../components/embedded-text";

export interface Invitation {
  id: string;
  email: string;
  name: string | null;
  role: { id: string; key: string; name: string } | null;
  invitedBy: { id: string; name: string } | null;
  createdAt: string;
  expiresAt: string;
}

export function InvitationsCard({ invitations }: { invitations: CursorList<Invitation> }) {
  const t = useMessages(usersMessages);
  return (
    <Card title={t("pendingInvitations")} labelledBy="invitations-heading">
      <ListState list={invitations} empty={t("noInvitations")}>
        <ul class="settings-list">
          {invitations.items.map((invitation) => (
            <PendingInvitation key={invitation.id} invitation={invitation} onRevoked={() => invitations.setItems((items) => items.filter((item) => item.id !== invitation.id))} />
          ))}
        </ul>
      </ListState>
    </Card>
  );
}

function PendingInvitation({ invitation, onRevoked }: { invitation: Invitation; onRevoked: () => void }) {
  const t = useMessages(usersMessages);
  const f = useFormat();
  const toast = useToast();
  const roleName = useRoleName();
  const revoke = useAction(async () => {
    await api.delete(`/api/invitations/${invitation.id}`);
    toast(t("invitationRevoked"));
    onRevoked();
    return true;
  });
  return (
    <li class="settings-item" aria-label={invitation.email}>
      <div class="settings-item__main">
        <div class="settings-item__title">
          <strong>
            <EmbeddedText class="ltr">{invitation.email}</EmbeddedText>
          </strong>
          {invitation.role && <span class="badge">{roleName(invitation.role)}</span>}
        </div>
        <div class="muted small">
          {invitation.invitedBy ? t("invitedBy", { name: invitation.invitedBy.name }) : null}
          {invitation.invitedBy ? " · " : null}
          {t("expires", { date: f.dateTime(invitation.expiresAt) })}
        </div>
      </div>
      <div class="settings-item__controls">
        <ConfirmButton
          label={t("revokeInvitation")}
          title={t("revokeInvitationTitle", { email: invitation.email })}
          message={t("revokeInvitationText")}
          busy={revoke.busy}
          error={<ErrorNotice error={revoke.error} />}
          onConfirm={async () => Boolean(await revoke.run())}
        />
      </div>
    </li>
  );
}
