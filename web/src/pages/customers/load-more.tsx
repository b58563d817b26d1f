// The "Load more" button under a cursor list, with the error of the last attempt if it failed.
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { ErrorNotice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import type { CursorList } from "./use-cursor-list";

export function LoadMore({ list }: { list: Pick<CursorList<unknown>, "hasMore" | "loadingMore" | "moreError" | "loadMore"> }) {
  const t = useMessages(commonMessages);
  if (!list.hasMore && !list.moreError) return null;
  return (
    <div class="customers-more">
      <ErrorNotice error={list.moreError} />
      {list.hasMore && (
        <Button busy={list.loadingMore} onClick={() => void list.loadMore()}>
          {t("more")}
        </Button>
      )}
    </div>
  );
}
