// A list read page by page with the API's keyset cursor: the first page whenever the path or the
// query changes, then "Load more" appends the next one. Old answers never overwrite newer ones.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, type Page, type Query } from "../../api/client";

export interface CursorList<T> {
  items: T[];
  /** True while the first page loads. */
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | undefined;
  /** An error while loading a further page (the items already shown stay). */
  moreError: ApiError | undefined;
  hasMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Changes the shown items locally (e.g. drops a merged pair) without a request. */
  setItems: (update: (items: T[]) => T[]) => void;
}

const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));

export function useCursorList<T>(path: string | null, query: Query = {}): CursorList<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [moreError, setMoreError] = useState<ApiError>();
  const key = path === null ? null : `${path}?${JSON.stringify(query)}`;
  const ticket = useRef(0);

  const reload = useCallback(async () => {
    if (path === null) return;
    const mine = ++ticket.current;
    setLoading(true);
    setMoreError(undefined);
    try {
      const page = await api.get<Page<T>>(path, query);
      if (mine !== ticket.current) return;
      setItemsState(page.items);
      setNextCursor(page.nextCursor);
      setError(undefined);
    } catch (caught) {
      if (mine === ticket.current) setError(asApiError(caught));
    } finally {
      if (mine === ticket.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    if (path === null || !nextCursor) return;
    const mine = ticket.current;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.get<Page<T>>(path, { ...query, cursor: nextCursor });
      if (mine !== ticket.current) return;
      setItemsState((current) => [...current, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (caught) {
      if (mine === ticket.current) setMoreError(asApiError(caught));
    } finally {
      setLoadingMore(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, nextCursor]);

  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState(update), []);

  return { items, loading, loadingMore, error, moreError, hasMore: nextCursor !== null, reload, loadMore, setItems };
}
