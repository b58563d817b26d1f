// Users and roles (users:manage): the staff list with the invitation form and per-person actions,
// the pending invitations, and the roles with their editor. The roles are loaded once here, for
// all; the invitations here too, so a new invitation shows up in the list at once.
import { useResource } from "../../api/use-resource";
import { ErrorNotice, Loading } from "../../components/states";
import { InvitationsCard, type Invitation } from "./invitations-card";
import { RolesCard } from "./roles-card";
import { StaffCard } from "./staff-card";
import { useCursorList } from "./use-cursor-list";

export interface Role {
  id: string;
  key: string;
  name: string;
  permissions: string[];
  builtin: boolean;
}

export interface RolesCatalogue {
  items: Role[];
  /** Every permission a role may hold: core's and the compiled-in plugins'. */
  permissions: string[];
}

export function UsersSection() {
  const roles = useResource<RolesCatalogue>("/api/roles");
  const invitations = useCursorList<Invitation>("/api/invitations");
  if (roles.error && !roles.data) return <ErrorNotice error={roles.error} onRetry={() => void roles.reload()} />;
  if (!roles.data) return <Loading />;
  return (
    <div class="stack">
      <StaffCard roles={roles.data.items} onInvited={() => void invitations.reload()} />
      <InvitationsCard invitations={invitations} />
      <RolesCard catalogue={roles.data} onChanged={() => void roles.reload()} />
    </div>
  );
}
