// Loads a page's code when it is first shown, so the first screen downloads only what it needs.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Loading } from "./components/states";

// Pages read route parameters with wouter's useParams(), so any props a route passes are accepted.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<P extends object = any>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function LazyPage(props: P) {
    const [Page, setPage] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (loaded) return;
      void load().then((module) => {
        loaded = module.default;
        setPage(() => module.default);
      });
    }, []);
    return Page ? <Page {...props} /> : <Loading />;
  };
}
