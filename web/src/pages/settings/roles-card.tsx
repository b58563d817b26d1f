// The roles: each with its permission count; custom roles open in the editor, built-in ones are
// shown read-only. The catalogue (core and plugins' permissions) comes from GET /api/roles.
import { useState } from "preact/hooks";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { DataTable } from "../../components/data-table";
import { useMessages } from "../../i18n/i18n";
import { RoleEditor } from "./role-editor";
import { useRoleName } from "./role-names";
import { rolesMessages } from "./roles.messages";
import type { Role, RolesCatalogue } from "./users-section";

export function RolesCard({ catalogue, onChanged }: { catalogue: RolesCatalogue; onChanged: () => void }) {
  const t = useMessages(rolesMessages);
  const roleName = useRoleName();
  // undefined: no editor; null: a new role; a role: that role.
  const [editing, setEditing] = useState<Role | null | undefined>(undefined);
  return (
    <Card
      title={t("roles")}
      labelledBy="roles-heading"
      actions={
        editing === undefined && (
          <Button variant="primary" small onClick={() => setEditing(null)}>
            {t("newRole")}
          </Button>
        )
      }
    >
      {editing !== undefined && (
        <RoleEditor
          key={editing?.id ?? "new"}
          role={editing}
          catalogue={catalogue.permissions}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            onChanged();
          }}
        />
      )}
      <DataTable
        caption={t("roles")}
        rows={catalogue.items}
        rowKey={(role) => role.id}
        empty={t("noRoles")}
        columns={[
          {
            key: "name",
            header: t("name"),
            cell: (role) => (
              <span class="role-name">
                <strong>{roleName(role)}</strong> <span class={role.builtin ? "badge" : "badge badge--primary"}>{role.builtin ? t("builtin") : t("custom")}</span>
              </span>
            ),
          },
          { key: "key", header: t("key"), wide: true, cell: (role) => <code>{role.key}</code> },
          { key: "count", header: t("permissions"), numeric: true, cell: (role) => t("permissionCount", { count: role.permissions.length }) },
          {
            key: "open",
            header: <span class="visually-hidden">{t("edit")}</span>,
            cell: (role) => (
              <Button small onClick={() => setEditing(role)} aria-label={`${role.builtin ? t("view") : t("edit")}: ${roleName(role)}`}>
                {role.builtin ? t("view") : t("edit")}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
