// The one search box of the top bar (also on "/" and Ctrl+K): customers, orders and tasks from
// GET /api/search, pages and actions from the UI itself, grouped in one listbox walked with the
// arrow keys; Enter opens the active result. Empty, it shows what was opened recently; a mobile
// that finds no one offers to create a customer with that number.
import { Search } from "lucide-preact";
import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { useLocation } from "wouter-preact";
import { api } from "../api/client";
import { Dialog } from "../components/dialog";
import { useFormat } from "../i18n/format";
import { useMessages } from "../i18n/i18n";
import { mobileText } from "../pages/customers/mobile-text";
import { useSession } from "../session/session";
import { searchPaletteMessages } from "./search-palette.messages";

interface SearchResults {
  customers: Array<{ id: string; displayName: string; code: string | null; mobile: string | null }>;
  orders: Array<{ id: string; number: string; customerId: string; customerName: string | null }>;
  tasks: Array<{ id: string; title: string; customerId: string | null; customerName: string | null }>;
}

interface Entry {
  href: string;
  label: string;
  detail?: string | null;
  /** A mobile or a code reads left to right in a Persian line too. */
  detailLtr?: boolean;
}

interface Group {
  name: string;
  entries: Entry[];
}

const RECENT_KEY = "edge-crm.recent-search";
const RECENT_MAX = 6;

function readRecent(): Entry[] {
  try {
    const stored = JSON.parse(localStorage.getItem(RECENT_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((entry) => typeof entry?.href === "string" && typeof entry?.label === "string") : [];
  } catch {
    return [];
  }
}

function remember(entry: Entry) {
  const recent = [entry, ...readRecent().filter((other) => other.href !== entry.href)].slice(0, RECENT_MAX);
  localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
}

const asciiDigits = (text: string) => text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
/** Whether the query is a whole Iranian mobile in one of the forms people type. */
const isMobile = (q: string) => /^(\+98|0098|98|0)?9\d{9}$/.test(asciiDigits(q).replace(/[\s\-().]/g, ""));

/** Typing in a text field: "/" is a character there, not the shortcut. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function SearchPalette({ pages }: { pages: Entry[] }) {
  const t = useMessages(searchPaletteMessages);
  const { can } = useSession();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
      if (ctrlK || (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target))) {
        event.preventDefault();
        setOpen(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const actions: Entry[] = [
    ...(can("customers:write") ? [{ href: "/customers/new", label: t("newCustomer") }] : []),
    ...(can("import:run") ? [{ href: "/import", label: t("import") }] : []),
  ];

  return (
    <>
      <button type="button" class="button button--ghost button--small topbar__search" aria-label={t("open")} aria-keyshortcuts="/ Control+K" title={t("shortcut")} onClick={() => setOpen(true)}>
        <Search size={16} aria-hidden="true" />
        <span>{t("open")}</span>
      </button>
      <Dialog open={open} title={t("title")} onClose={() => setOpen(false)}>
        <PaletteBody
          pages={[...pages, ...actions]}
          onChoose={(entry) => {
            remember(entry);
            setOpen(false);
            navigate(entry.href);
          }}
        />
      </Dialog>
    </>
  );
}

function PaletteBody({ pages, onChoose }: { pages: Entry[]; onChoose: (entry: Entry) => void }) {
  const t = useMessages(searchPaletteMessages);
  const format = useFormat();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState("");
  const [results, setResults] = useState<{ q: string; found: SearchResults } | null>(null);
  const [active, setActive] = useState(0);

  // The native dialog focuses its first control when it opens, after this body's effects ran;
  // `autofocus` makes that control the search box.
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .get<SearchResults>("/api/search", { q: query })
        .then((found) => current && setResults({ q: query, found }))
        .catch(() => current && setResults({ q: query, found: { customers: [], orders: [], tasks: [] } }));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);

  const query = q.trim();
  const groups: Group[] = useMemo(() => {
    if (!query) return [{ name: t("recent"), entries: readRecent() }];
    const lower = query.toLowerCase();
    const pageMatches = pages.filter((page) => page.label.toLowerCase().includes(lower));
    const found = results?.q === query ? results.found : null;
    const fromApi: Group[] = found
      ? [
          { name: t("customers"), entries: found.customers.map((c) => ({ href: `/customers/${c.id}`, label: c.displayName, detail: format.digits(c.mobile ? mobileText(c.mobile) : (c.code ?? "")), detailLtr: true })) },
          { name: t("orders"), entries: found.orders.map((o) => ({ href: `/customers/${o.customerId}`, label: t("order", { number: o.number }), detail: o.customerName })) },
          { name: t("tasks"), entries: found.tasks.map((task) => ({ href: task.customerId ? `/customers/${task.customerId}` : "/tasks", label: task.title, detail: task.customerName })) },
        ]
      : [];
    const create: Group[] =
      found && found.customers.length === 0 && isMobile(query)
        ? [{ name: t("customers"), entries: [{ href: `/customers/new?mobile=${encodeURIComponent(query)}`, label: t("createWithNumber", { q: query }) }] }]
        : [];
    return [...create, ...fromApi, { name: t("pages"), entries: pageMatches }].filter((group) => group.entries.length > 0);
  }, [query, results, pages, t, format]);

  const entries = groups.flatMap((group) => group.entries);
  useEffect(() => setActive(0), [query, results]);
  const activeIndex = Math.min(active, Math.max(entries.length - 1, 0));
  const optionId = (index: number) => `${listId}-${index}`;
  const searching = query !== "" && results?.q !== query;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (entries.length) setActive((activeIndex + (event.key === "ArrowDown" ? 1 : entries.length - 1)) % entries.length);
    } else if (event.key === "Enter" && entries[activeIndex]) {
      event.preventDefault();
      onChoose(entries[activeIndex]!);
    }
  };

  let index = -1;
  return (
    <div class="palette">
      <input
        ref={input}
        autofocus
        class="palette__input"
        type="search"
        role="combobox"
        aria-label={t("label")}
        aria-expanded={entries.length > 0}
        aria-controls={listId}
        aria-activedescendant={entries.length ? optionId(activeIndex) : undefined}
        aria-autocomplete="list"
        placeholder={t("placeholder")}
        value={q}
        onInput={(event) => setQ(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p class="palette__hint">{t("hint")}</p>
      <div id={listId} role="listbox" aria-label={t("results")} class="palette__list">
        {groups.map((group) => (
          <div role="group" aria-label={group.name} key={group.name} class="palette__group">
            <div class="palette__group-name" aria-hidden="true">
              {group.name}
            </div>
            {group.entries.map((entry) => {
              index += 1;
              const mine = index;
              return (
                <div
                  key={`${entry.href}-${mine}`}
                  id={optionId(mine)}
                  role="option"
                  aria-selected={mine === activeIndex}
                  class={mine === activeIndex ? "palette__option palette__option--active" : "palette__option"}
                  onMouseMove={() => setActive(mine)}
                  onClick={() => onChoose(entry)}
                >
                  <bdi>{entry.label}</bdi>
                  {entry.detail && (
                    <span class="palette__detail" dir={entry.detailLtr ? "ltr" : "auto"}>
                      {entry.detail}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p class="palette__status" role="status">
        {searching ? t("searching") : !query && entries.length === 0 ? t("noRecent") : query && !searching && entries.length === 0 ? t("nothing", { q: query }) : ""}
      </p>
    </div>
  );
}
