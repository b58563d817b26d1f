// The frame around every signed-in page: navigation at the start side (right in Persian), a top
// bar with the workspace, search, the bell of due tasks, language and sign-out; on a phone the navigation is a drawer.
import type { ComponentChildren } from "preact";
import { Copy, Gift, LayoutDashboard, ListChecks, LogOut, Menu, MessageSquareWarning, Puzzle, Receipt, Send, Settings, Upload, Users } from "lucide-preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "wouter-preact";
import { pickText, useLanguage, useMessages } from "../i18n/i18n";
import { usePluginSurfaces, useSession } from "../session/session";
import { LanguageSwitch } from "./language-switch";
import { shellMessages } from "./shell.messages";
import { useDrawerFocus } from "./use-drawer-focus";
import { useHeadingFocus } from "./use-heading-focus";
import { EmbeddedText } from "../components/embedded-text";
import { SearchPalette } from "./search-palette";
import { TaskBell } from "./task-bell";

const PLUGIN_ICONS: Record<string, typeof Gift> = { gift: Gift, send: Send };

export function Shell({ children }: { children: ComponentChildren }) {
  const t = useMessages(shellMessages);
  const { language } = useLanguage();
  const { me, can, signOut } = useSession();
  const pluginPages = usePluginSurfaces("page");
  const [location] = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const drawer = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // A page chosen in the open drawer: the drawer goes, and focus starts at the new page.
    if (drawerOpen && drawer.current?.contains(document.activeElement)) document.getElementById("main")?.focus();
    setDrawerOpen(false);
  }, [location]);
  useDrawerFocus(drawerOpen, () => setDrawerOpen(false), drawer, menuButton);
  useHeadingFocus(location);

  const items = [
    { href: "/", label: t("dashboard"), icon: LayoutDashboard, show: can("customers:read") },
    { href: "/customers", label: t("customers"), icon: Users, show: can("customers:read") },
    { href: "/customers/duplicates", label: t("duplicates"), icon: Copy, show: can("customers:merge") },
    { href: "/orders", label: t("orders"), icon: Receipt, show: can("orders:read") },
    { href: "/tasks", label: t("tasks"), icon: ListChecks, show: can("tasks:read") },
    { href: "/complaints", label: t("complaints"), icon: MessageSquareWarning, show: can("customers:read") },
    { href: "/import", label: t("import"), icon: Upload, show: can("import:run") },
    ...pluginPages.map(({ plugin, surface }) => ({
      href: `/plugins/${plugin.id}`,
      label: pickText(surface.title, language),
      icon: PLUGIN_ICONS[surface.icon ?? ""] ?? Puzzle,
      show: true,
    })),
    { href: "/settings", label: t("settings"), icon: Settings, show: true },
  ].filter((item) => item.show);

  const isCurrent = (href: string) => (href === "/" ? location === "/" : location === href || (location.startsWith(`${href}/`) && !items.some((other) => other.href !== href && other.href.startsWith(href) && location.startsWith(other.href))));

  return (
    <div class={drawerOpen ? "shell shell--drawer-open" : "shell"}>
      <a class="skip-link" href="#main">
        {t("skip")}
      </a>
      <nav class="sidebar" aria-label={t("navigation")} id="sidebar" ref={drawer}>
        <div class="sidebar__brand">{t("product")}</div>
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <a href={item.href} class="sidebar__link" aria-current={isCurrent(item.href) ? "page" : undefined}>
                <item.icon size={18} aria-hidden="true" />
                <span>{item.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="shell__backdrop" onClick={() => setDrawerOpen(false)} aria-hidden="true" />
      <div class="shell__body">
        <header class="topbar">
          <button type="button" ref={menuButton} class="icon-button topbar__menu" aria-label={t("menu")} aria-controls="sidebar" aria-expanded={drawerOpen} onClick={() => setDrawerOpen(!drawerOpen)}>
            <Menu size={20} aria-hidden="true" />
          </button>
          <div class="topbar__workspace">
            <EmbeddedText>{me?.workspace.name}</EmbeddedText>
          </div>
          <div class="topbar__tools">
            <SearchPalette pages={items.map((item) => ({ href: item.href, label: item.label }))} />
            {can("tasks:read") && <TaskBell location={location} />}
            <LanguageSwitch label={t("language")} />
            <span class="topbar__user" title={me?.user.email}>
              <EmbeddedText>{me?.user.name}</EmbeddedText>
            </span>
            <button type="button" class="button button--ghost button--small" onClick={() => void signOut()}>
              <LogOut size={16} aria-hidden="true" />
              <span>{t("signOut")}</span>
            </button>
          </div>
        </header>
        <main id="main" class="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
