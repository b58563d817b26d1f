// The settings area (/settings/:section): a tab list of the sections this user may see, as
// links, and the chosen section (/settings alone shows the first).
import type { ComponentType } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useParams } from "wouter-preact";
import { PageHeader } from "../../components/card";
import { Empty } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { SETTINGS_SECTIONS, type SettingsSection } from "../../routes";
import { useSession } from "../../session/session";
import { ApiKeysSection } from "./api-keys-section";
import { AuditSection } from "./audit-section";
import { ConnectionsSection } from "./connections-section";
import { DeadLettersSection } from "./dead-letters-section";
import { MessagingSection } from "./messaging-section";
import { PluginsSection } from "./plugins-section";
import { ProfileSection } from "./profile-section";
import { settingsMessages } from "./settings.messages";
import { UsersSection } from "./users-section";
import { WebhooksSection } from "./webhooks-section";
import { WorkspaceSection } from "./workspace-section";

interface Section {
  label: keyof (typeof settingsMessages)["en"];
  /** The permission the section's API needs; none: everyone's (the profile). */
  permission?: string;
  component: ComponentType;
}

/** Each section's tab and content; the slugs and their order are in routes.ts. */
const SECTION_PAGES: Record<SettingsSection, Section> = {
  workspace: { label: "workspace", permission: "settings:manage", component: WorkspaceSection },
  users: { label: "users", permission: "users:manage", component: UsersSection },
  "api-keys": { label: "apiKeys", permission: "api_keys:manage", component: ApiKeysSection },
  connections: { label: "connections", permission: "connections:manage", component: ConnectionsSection },
  messaging: { label: "messaging", permission: "settings:manage", component: MessagingSection },
  plugins: { label: "plugins", permission: "plugins:manage", component: PluginsSection },
  webhooks: { label: "webhooks", permission: "webhooks:manage", component: WebhooksSection },
  "dead-letters": { label: "deadLetters", permission: "events:manage", component: DeadLettersSection },
  audit: { label: "audit", permission: "audit:read", component: AuditSection },
  profile: { label: "profile", component: ProfileSection },
};

const SECTIONS = SETTINGS_SECTIONS.map((slug) => ({ slug, ...SECTION_PAGES[slug] }));

export default function SettingsPage() {
  const t = useMessages(settingsMessages);
  const { can } = useSession();
  const params = useParams<{ section?: string }>();
  const visible = SECTIONS.filter((section) => !section.permission || can(section.permission));
  const current = params.section ? visible.find((section) => section.slug === params.section) : visible[0];
  const currentTab = useRef<HTMLAnchorElement>(null);
  // On a phone the tab row scrolls sideways; keep the open section's tab in view.
  useEffect(() => currentTab.current?.scrollIntoView({ block: "nearest", inline: "nearest" }), [current?.slug]);
  const Section = current?.component;
  return (
    <>
      <PageHeader title={t("title")} />
      <nav aria-label={t("sections")}>
        <ul class="tabs settings-tabs">
          {visible.map((section) => (
            <li key={section.slug}>
              <a href={`/settings/${section.slug}`} ref={section === current ? currentTab : undefined} aria-current={section === current ? "page" : undefined}>
                {t(section.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="settings-section">{Section ? <Section key={current.slug} /> : <Empty>{t("noAccess")}</Empty>}</div>
    </>
  );
}
