// Creating or editing a custom role: a name, a key (new roles only) and permission checkboxes
// grouped by area, plugins' permissions included. A built-in role is shown read-only, and so is a
// role holding permissions the viewer lacks: nobody changes a role they could not give in full,
// and the editor says which permissions stand in the way.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { TextField } from "../../components/field";
import { ErrorNotice, Notice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { PermissionPicker, usePermissionGroups } from "./permission-picker";
import { useRoleName } from "./role-names";
import { rolesMessages } from "./roles.messages";
import type { Role } from "./users-section";

/** A key from a Latin name ("Sales team" → "sales-team"); empty when the name has no Latin letters. */
function suggestKey(name: string) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+|-+$/g, "")
    .slice(0, 40);
  return slug.length >= 2 ? slug : "";
}

export function RoleEditor({ role, catalogue, onClose, onSaved }: { role: Role | null; catalogue: string[]; onClose: () => void; onSaved: () => void }) {
  const t = useMessages(rolesMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const roleName = useRoleName();
  const { can } = useSession();
  const groups = usePermissionGroups(catalogue);
  const notHeld = role && !role.builtin ? role.permissions.filter((permission) => !can(permission)) : [];
  const readOnly = Boolean(role?.builtin) || notHeld.length > 0;
  const [name, setName] = useState(role ? roleName(role) : "");
  const [key, setKey] = useState(role?.key ?? "");
  const [keyTouched, setKeyTouched] = useState(false);
  const [permissions, setPermissions] = useState<string[]>(role?.permissions ?? []);
  const save = useAction(async () => {
    if (role) await api.patch(`/api/roles/${role.id}`, { name, permissions });
    else await api.post("/api/roles", { key, name, permissions });
    toast(role ? t("saved") : t("created"));
    onSaved();
  });
  const title = role ? (readOnly ? t("viewRoleTitle", { name: roleName(role) }) : t("editRoleTitle", { name: roleName(role) })) : t("newRoleTitle");
  const label = (permission: string) => groups.flatMap((group) => group.permissions).find((entry) => entry.key === permission)?.label ?? permission;

  return (
    <form
      class="form inline-panel"
      noValidate
      aria-labelledby="role-editor-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!readOnly) void save.run();
      }}
    >
      <h3 id="role-editor-heading">{title}</h3>
      {notHeld.length > 0 ? (
        <Notice tone="warning">
          <p>{t("notGrantable")}</p>
          <ul>
            {notHeld.map((permission) => (
              <li key={permission}>{label(permission)}</li>
            ))}
          </ul>
        </Notice>
      ) : readOnly ? (
        <Notice tone="muted">{t("builtinReadOnly")}</Notice>
      ) : (
        <div class="form__row">
          <TextField
            label={t("name")}
            name="name"
            value={name}
            onValue={(value) => {
              setName(value);
              if (!role && !keyTouched) setKey(suggestKey(value));
            }}
            error={save.error?.fieldError("name")}
            required
          />
          {!role && (
            <TextField
              label={t("key")}
              name="key"
              dir="ltr"
              autoComplete="off"
              value={key}
              onValue={(value) => {
                setKey(value);
                setKeyTouched(true);
              }}
              hint={t("keyHint")}
              error={save.error?.fieldError("key")}
              required
            />
          )}
        </div>
      )}
      <fieldset class="plain-fieldset">
        <legend class="field__label">{t("permissions")}</legend>
        {!readOnly && <p class="field__hint">{t("notHeldHint")}</p>}
        <PermissionPicker catalogue={catalogue} value={permissions} onChange={setPermissions} readOnly={readOnly} grantable={can} error={save.error?.fieldError("permissions")} />
      </fieldset>
      {save.error && !save.error.problem.errors?.length && <ErrorNotice error={save.error} />}
      <div class="form__actions">
        {!readOnly && (
          <Button type="submit" variant="primary" busy={save.busy}>
            {common("save")}
          </Button>
        )}
        <Button onClick={onClose}>{readOnly ? common("close") : common("cancel")}</Button>
      </div>
    </form>
  );
}
