// Users and roles (users:manage): the staff list with invitations and per-person actions, and the
// roles with their editor. The roles are loaded once here, for both.
import { useResource } from "../../api/use-resource";
import { ErrorNotice, Loading } from "../../components/states";
import { RolesCard } from "./roles-card";
import { StaffCard } from "./staff-card";

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
  if (roles.error && !roles.data) return <ErrorNotice error={roles.error} onRetry={() => void roles.reload()} />;
  if (!roles.data) return <Loading />;
  return (
    <div class="stack">
      <StaffCard roles={roles.data.items} />
      <RolesCard catalogue={roles.data} onChanged={() => void roles.reload()} />
    </div>
  );
}
