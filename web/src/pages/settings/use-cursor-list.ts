// A cursor-paged list (`{ items, nextCursor }`) that grows page by page with "Load more", can be
// reloaded after a change, and edited in place (a revoked key, a replayed delivery).
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, type Page, type Query } from "../../api/client";

export interface CursorList<T> {
  items: T[];
  nextCursor: string | null;
  /** True while the first page loads (a reload keeps the rows on screen). */
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | undefined;
  loaded: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  setItems: (update: (items: T[]) => T[]) => void;
}

const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));

export function useCursorList<T>(path: string | null, query?: Query): CursorList<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [loaded, setLoaded] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError>();
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  // A newer load wins: answers to an older filter are dropped.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (path === null) return;
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const page = await api.get<Page<T>>(path, query);
      if (ticket !== latest.current) return;
      setItemsState(page.items);
      setNextCursor(page.nextCursor);
      setError(undefined);
      setLoaded(true);
    } catch (caught) {
      if (ticket === latest.current) setError(asApiError(caught));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    setItemsState([]);
    setLoaded(false);
    void reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    if (path === null || !nextCursor) return;
    const ticket = latest.current;
    setLoadingMore(true);
    try {
      const page = await api.get<Page<T>>(path, { ...query, cursor: nextCursor });
      if (ticket !== latest.current) return;
      setItemsState((current) => [...current, ...page.items]);
      setNextCursor(page.nextCursor);
      setError(undefined);
    } catch (caught) {
      if (ticket === latest.current) setError(asApiError(caught));
    } finally {
      setLoadingMore(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, nextCursor]);

  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState(update), []);

  return { items, nextCursor, loading: loading && !loaded, loadingMore, error, loaded, reload, loadMore, setItems };
}
