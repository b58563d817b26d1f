// Plain <a href="/customers/…"> links navigate inside the app (no page reload), so pages can use
// ordinary anchors. The API, the docs and downloads still load natively; a link to a place on the
// same page moves focus there.
const NATIVE_PREFIXES = ["/api/", "/docs", "/openapi.json", "/webhooks/", "/healthz"];

export function routeLinksInsideTheApp() {
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.("a");
    if (!anchor || anchor.target || anchor.hasAttribute("download") || anchor.dataset.native !== undefined) return;
    const url = new URL(anchor.href, location.href);
    if (url.hash && url.origin === location.origin && url.pathname === location.pathname && url.search === location.search) {
      // A link within the page (the skip link): focus goes to its target, so Tab continues there.
      const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: "start" });
      return;
    }
    if (url.origin !== location.origin || NATIVE_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return;
    event.preventDefault();
    if (url.pathname + url.search !== location.pathname + location.search) history.pushState(null, "", url.pathname + url.search + url.hash);
    window.scrollTo(0, 0);
  });
}
