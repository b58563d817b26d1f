// One audit log entry: the action in words, who did it (a person, an API key or the system), when
// (Jalali in Persian, Gregorian in English, in the workspace's time zone), what it was about, and
// the recorded details on demand.
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { auditActionMessages, auditMessages, type AuditAction } from "./audit.messages";

export interface AuditEntry {
  id: string;
  at: string;
  actor: { userId: string | null; name: string | null; email: string | null; apiKeyId: string | null };
  action: string;
  entityType: string | null;
  entityId: string | null;
  customerId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
}

export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const t = useMessages(auditMessages);
  const actionText = useMessages(auditActionMessages);
  const f = useFormat();
  const known = entry.action in auditActionMessages.en;
  const actor = entry.actor.name ?? entry.actor.email ?? (entry.actor.apiKeyId ? t("apiKey", { id: entry.actor.apiKeyId }) : t("system"));
  const target = [entry.entityType, entry.entityId].filter(Boolean).join(" ");
  const hasDetails = Boolean(entry.details && Object.keys(entry.details).length) || entry.ip || entry.userAgent;
  return (
    <li class="audit-entry">
      <div class="audit-entry__head">
        <strong>{known ? actionText(entry.action as AuditAction) : entry.action}</strong>
        {known && <code class="muted small">{entry.action}</code>}
        <span class="spacer" />
        <time class="muted small" dateTime={entry.at}>
          {f.dateTime(entry.at)}
        </time>
      </div>
      <div class="small">
        <span>{actor}</span>
        {entry.actor.name && entry.actor.email && <span class="muted ltr"> {entry.actor.email}</span>}
        {entry.actor.apiKeyId && entry.actor.name && <span class="muted"> · {t("apiKey", { id: entry.actor.apiKeyId })}</span>}
      </div>
      {(entry.entityType || entry.customerId) && (
        <div class="small">
          <span class="muted">{t("target")}: </span>
          {entry.entityType &&
            (entry.customerId && entry.customerId === entry.entityId ? (
              <a href={`/customers/${entry.customerId}`}>
                <code>{target}</code>
              </a>
            ) : (
              <code>{target}</code>
            ))}
          {entry.customerId && entry.customerId !== entry.entityId && (
            <>
              {entry.entityType && " · "}
              <a href={`/customers/${entry.customerId}`}>{t("customer")}</a>
            </>
          )}
        </div>
      )}
      {hasDetails && (
        <details class="audit-entry__details">
          <summary>{t("details")}</summary>
          {entry.details && <pre class="code">{JSON.stringify(entry.details, null, 2)}</pre>}
          {(entry.ip || entry.userAgent) && (
            <p class="muted small ltr">
              {entry.ip && t("from_ip", { ip: entry.ip })} {entry.userAgent}
            </p>
          )}
        </details>
      )}
    </li>
  );
}
