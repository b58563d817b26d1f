// The audit log (audit:read): who did what, when, from where; filtered by person, action,
// customer and dates (days in the workspace's time zone), paged with the API's cursor.
import { useMemo, useRef, useState } from "preact/hooks";
import { Card } from "../../components/card";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { AuditEntryItem, type AuditEntry } from "./audit-entry";
import { AuditFilters, NO_FILTERS, type AuditActor, type AuditFilterValues } from "./audit-filters";
import { auditMessages } from "./audit.messages";
import { ListState } from "./list-state";
import { useCursorList } from "./use-cursor-list";
import { endOfDay, startOfDay } from "./zoned-day";

export function AuditSection() {
  const t = useMessages(auditMessages);
  const { me } = useSession();
  const timeZone = me?.workspace.timeZone ?? "Asia/Tehran";
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const query = useMemo(
    () => ({
      actor: filters.actor,
      action: filters.action,
      customerId: filters.customerId,
      from: filters.from ? new Date(startOfDay(filters.from, timeZone)).toISOString() : undefined,
      to: filters.to ? new Date(endOfDay(filters.to, timeZone)).toISOString() : undefined,
      limit: 30,
    }),
    [filters, timeZone],
  );
  const entries = useCursorList<AuditEntry>("/api/audit", query);
  const filtered = Object.values(filters).some(Boolean);
  // Everyone met so far, across filters, so choosing one person does not hide the others.
  const people = useRef(new Map<string, AuditActor>()).current;
  const seenActors = useMemo(() => {
    for (const { actor } of entries.items) if (actor.userId && !people.has(actor.userId)) people.set(actor.userId, { id: actor.userId, name: actor.name ?? actor.userId, email: actor.email ?? "" });
    return [...people.values()];
  }, [entries.items]);
  return (
    <Card title={t("heading")} labelledBy="audit-heading">
      <AuditFilters applied={filters} onApply={setFilters} queryError={entries.error} seenActors={seenActors} />
      <ListState list={entries} empty={filtered ? t("noneFiltered") : t("none")}>
        <ol class="audit-list">
          {entries.items.map((entry) => (
            <AuditEntryItem key={entry.id} entry={entry} />
          ))}
        </ol>
      </ListState>
    </Card>
  );
}
