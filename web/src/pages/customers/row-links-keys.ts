// Up and down arrows move focus from one row's link to the next row's (Home and End to the first
// and last), so a long list is walked one customer per press instead of Tab passing every
// checkbox on the way. The links stay in the Tab order: a screen reader's own table keys still work.

const KEYS = new Set(["ArrowDown", "ArrowUp", "Home", "End"]);

/** The keydown handler for a list whose row links match `selector`. */
export function moveBetweenRowLinks(selector: string) {
  return function onRowLinkKey(event: KeyboardEvent) {
    if (!KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.matches(selector)) return;
    const links = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>(selector)];
    const index = links.indexOf(target);
    const next = event.key === "Home" ? 0 : event.key === "End" ? links.length - 1 : index + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0 || next >= links.length || next === index) return;
    event.preventDefault();
    links[next]!.focus();
  };
}
