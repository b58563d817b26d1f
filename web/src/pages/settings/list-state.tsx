// What a cursor list shows around its rows: loading, its error with a retry, the empty state,
// and "Load more" while there are more pages.
import type { ComponentChildren } from "preact";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { Empty, ErrorNotice, Loading } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import type { CursorList } from "./use-cursor-list";

export function ListState<T>({ list, empty, children }: { list: CursorList<T>; empty: ComponentChildren; children: ComponentChildren }) {
  const common = useMessages(commonMessages);
  if (list.loading) return <Loading />;
  if (list.error && !list.loaded) return <ErrorNotice error={list.error} onRetry={() => void list.reload()} />;
  if (list.items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      {children}
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.loadMore()} />}
      {list.nextCursor && (
        <div class="list-more">
          <Button busy={list.loadingMore} onClick={() => void list.loadMore()}>
            {common("more")}
          </Button>
        </div>
      )}
    </>
  );
}
