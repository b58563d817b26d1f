// Candidate duplicates (/customers/duplicates): pairs the API proposes, each with its reason, to
// merge into one customer. A merged pair leaves the list, with every other pair of the customer
// who no longer exists.
import { useEffect } from "preact/hooks";
import { PageHeader } from "../../components/card";
import { Empty, ErrorNotice, Loading, Notice } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { DuplicatePair, type DuplicateCandidate } from "./duplicate-pair";
import { duplicatesMessages } from "./duplicates.messages";
import { LoadMore } from "./load-more";
import { useCursorList } from "./use-cursor-list";

const pairKey = (candidate: DuplicateCandidate) => `${candidate.customers[0].id}:${candidate.customers[1].id}`;

export default function DuplicatesPage() {
  const t = useMessages(duplicatesMessages);
  const { can } = useSession();
  const allowed = can("customers:merge");
  const pairs = useCursorList<DuplicateCandidate>(allowed ? "/api/customers/duplicates" : null, { limit: 20 });

  // A page may come back empty while more remain (the API walks its indexes); keep walking.
  useEffect(() => {
    if (!pairs.loading && !pairs.loadingMore && !pairs.moreError && pairs.items.length === 0 && pairs.hasMore) void pairs.loadMore();
  }, [pairs.loading, pairs.loadingMore, pairs.items.length, pairs.hasMore]);

  let body;
  if (!allowed) body = <Notice tone="warning">{t("noPermission")}</Notice>;
  else if (pairs.error) body = <ErrorNotice error={pairs.error} onRetry={() => void pairs.reload()} />;
  else if (pairs.loading || (pairs.items.length === 0 && pairs.hasMore)) body = <Loading />;
  else if (pairs.items.length === 0) body = <Empty>{t("empty")}</Empty>;
  else
    body = (
      <div class="stack">
        {pairs.items.map((candidate, index) => (
          <DuplicatePair
            key={pairKey(candidate)}
            candidate={candidate}
            index={index}
            onMerged={(_survivor, mergedId) => pairs.setItems((items) => items.filter((item) => !item.customers.some((customer) => customer.id === mergedId)))}
          />
        ))}
        <LoadMore list={pairs} />
      </div>
    );

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {body}
    </>
  );
}
