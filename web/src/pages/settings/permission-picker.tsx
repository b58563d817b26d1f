// Permission checkboxes grouped by area: core's areas first, then one group per plugin (with the
// plugin's own descriptions), then anything else the catalogue holds. Used by the role editor
// and for API key scopes.
import { Checkbox } from "../../components/field";
import { pickText, useLanguage, useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { CORE_PERMISSION_AREAS, permissionMessages, type CoreArea } from "./permissions.messages";

interface PermissionGroup {
  key: string;
  title: string;
  permissions: Array<{ key: string; label: string }>;
}

const CORE_AREA_ORDER: CoreArea[] = ["areaCustomers", "areaSales", "areaTasks", "areaAdministration"];

/** The catalogue arranged for display, in a stable order. */
export function usePermissionGroups(catalogue: readonly string[]): PermissionGroup[] {
  const t = useMessages(permissionMessages);
  const { language } = useLanguage();
  const { plugins } = useSession();
  const groups = new Map<string, PermissionGroup>();
  const add = (groupKey: string, title: string, permission: { key: string; label: string }) => {
    const group = groups.get(groupKey) ?? { key: groupKey, title, permissions: [] };
    group.permissions.push(permission);
    groups.set(groupKey, group);
  };
  for (const area of CORE_AREA_ORDER) groups.set(area, { key: area, title: t(area), permissions: [] });
  for (const key of catalogue) {
    const area = CORE_PERMISSION_AREAS[key as keyof typeof CORE_PERMISSION_AREAS];
    if (area) {
      add(area, t(area), { key, label: t(key as keyof typeof CORE_PERMISSION_AREAS) });
      continue;
    }
    const plugin = plugins.find((candidate) => candidate.permissions.some((permission) => permission.key === key));
    if (plugin) {
      const declared = plugin.permissions.find((permission) => permission.key === key)!;
      add(`plugin:${plugin.id}`, t("pluginArea", { name: pickText(plugin.name, language) }), { key, label: pickText(declared.description, language) });
    } else {
      add("other", t("areaOther"), { key, label: key });
    }
  }
  return [...groups.values()].filter((group) => group.permissions.length > 0);
}

interface PermissionPickerProps {
  catalogue: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** Read-only (a built-in role): every box disabled. */
  readOnly?: boolean;
  /** Whether a permission may be ticked; nobody grants what they do not hold. */
  grantable?: (permission: string) => boolean;
  error?: string | undefined;
}

export function PermissionPicker({ catalogue, value, onChange, readOnly = false, grantable = () => true, error }: PermissionPickerProps) {
  const t = useMessages(permissionMessages);
  const groups = usePermissionGroups(catalogue);
  const chosen = new Set(value);
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    onChange(catalogue.filter((permission) => next.has(permission)).concat([...next].filter((permission) => !catalogue.includes(permission))));
  };
  return (
    <div class="permission-picker">
      {groups.map((group) => {
        const open = group.permissions.filter((permission) => !readOnly && (chosen.has(permission.key) || grantable(permission.key)));
        const allOn = group.permissions.every((permission) => chosen.has(permission.key));
        return (
          <fieldset key={group.key} class="permission-group">
            <legend>{group.title}</legend>
            {!readOnly && open.length > 1 && (
              <Checkbox
                label={<span class="muted small">{t("selectAll", { area: group.title })}</span>}
                checked={allOn}
                onChecked={(on) => {
                  const next = new Set(chosen);
                  for (const permission of group.permissions) {
                    if (on && grantable(permission.key)) next.add(permission.key);
                    if (!on) next.delete(permission.key);
                  }
                  onChange(catalogue.filter((permission) => next.has(permission)));
                }}
              />
            )}
            <div class="permission-group__items">
              {group.permissions.map((permission) => (
                <Checkbox
                  key={permission.key}
                  name={permission.key}
                  label={permission.label}
                  hint={<code>{permission.key}</code>}
                  checked={chosen.has(permission.key)}
                  disabled={readOnly || (!chosen.has(permission.key) && !grantable(permission.key))}
                  onChecked={(on) => toggle(permission.key, on)}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
