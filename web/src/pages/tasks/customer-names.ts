// The name of a customer a new task starts with (/tasks?new=1&customer=…): read once
// (GET /api/customers/{id}) and remembered for the session. Listed tasks come with their
// customer's name from GET /api/tasks.
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";

/** null: the customer is gone (erased, merged away) or may not be read. */
const known = new Map<string, Promise<string | null>>();

function nameOf(id: string): Promise<string | null> {
  let name = known.get(id);
  if (!name) {
    name = api.get<{ displayName: string }>(`/api/customers/${encodeURIComponent(id)}`).then(
      (customer) => customer.displayName,
      () => null,
    );
    known.set(id, name);
  }
  return name;
}

/** Lets a newly chosen customer's name be used without reading it again. */
export function rememberCustomerName(id: string, displayName: string) {
  known.set(id, Promise.resolve(displayName));
}

export function useCustomerNames(ids: Array<string | null>, enabled: boolean): Record<string, string | null | undefined> {
  const [names, setNames] = useState<Record<string, string | null>>({});
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))].sort().join(",");
  useEffect(() => {
    if (!enabled || !wanted) return;
    let live = true;
    for (const id of wanted.split(",")) {
      void nameOf(id).then((name) => {
        if (live) setNames((current) => (current[id] === name ? current : { ...current, [id]: name }));
      });
    }
    return () => {
      live = false;
    };
  }, [wanted, enabled]);
  return names;
}
