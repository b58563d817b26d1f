// The tasks of one view, page after page (keyset cursor), with local replacement of one task so a
// change shows at once and can be taken back.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, type Page, type Query } from "../../api/client";
import { PAGE_SIZE, type Task } from "./task-api";

interface TaskPages {
  items: Task[];
  nextCursor: string | null;
  loaded: boolean;
}

const asApiError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));

/** `pageSize` of 200 (the API's most) for a calendar, which wants a whole month at once. */
export function useTaskPages(query: Query, pageSize = PAGE_SIZE) {
  const [pages, setPages] = useState<TaskPages>({ items: [], nextCursor: null, loaded: false });
  const [error, setError] = useState<ApiError>();
  const [loadingMore, setLoadingMore] = useState(false);
  const key = JSON.stringify(query);
  // A view switched while a page was on its way must not receive that page.
  const ticket = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++ticket.current;
    setError(undefined);
    setPages((current) => ({ ...current, loaded: false }));
    try {
      const page = await api.get<Page<Task>>("/api/tasks", { ...query, limit: pageSize });
      if (mine === ticket.current) setPages({ items: page.items, nextCursor: page.nextCursor, loaded: true });
    } catch (caught) {
      if (mine === ticket.current) setError(asApiError(caught));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pageSize]);

  useEffect(() => {
    setPages({ items: [], nextCursor: null, loaded: false });
    void reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    if (!pages.nextCursor) return;
    const mine = ticket.current;
    setLoadingMore(true);
    setError(undefined);
    try {
      const page = await api.get<Page<Task>>("/api/tasks", { ...query, limit: pageSize, cursor: pages.nextCursor });
      if (mine === ticket.current) {
        // A task that moved between pages (its due time changed) is shown once.
        setPages((current) => {
          const seen = new Set(current.items.map((task) => task.id));
          return { items: [...current.items, ...page.items.filter((task) => !seen.has(task.id))], nextCursor: page.nextCursor, loaded: true };
        });
      }
    } catch (caught) {
      if (mine === ticket.current) setError(asApiError(caught));
    } finally {
      setLoadingMore(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pages.nextCursor]);

  const replace = useCallback((task: Task) => {
    setPages((current) => ({ ...current, items: current.items.map((item) => (item.id === task.id ? task : item)) }));
  }, []);

  return { ...pages, error, loadingMore, reload, loadMore, replace };
}
