// Loads one API resource for a component: data, the error where it happened, and reload().
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, type Query } from "./client";

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replaces the data locally (optimistic updates) without a request. */
  mutate: (next: T | ((current: T | undefined) => T)) => void;
}

/** `path` null means "not yet" (e.g. waiting for an id); the query is part of the key. */
export function useResource<T>(path: string | null, query?: Query): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (path === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const next = await api.get<T>(path, query);
      if (ticket === latest.current) {
        setData(next);
        setError(undefined);
      }
    } catch (caught) {
      if (ticket === latest.current) setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    void load();
  }, [load]);

  const mutate = useCallback((next: T | ((current: T | undefined) => T)) => {
    setData((current) => (typeof next === "function" ? (next as (current: T | undefined) => T)(current) : next));
  }, []);

  return { data, error, loading, reload: load, mutate };
}
