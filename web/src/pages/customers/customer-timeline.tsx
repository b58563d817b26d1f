// The customer's timeline (GET /api/customers/{id}/timeline), newest first, page by page. The page
// owns the list so a quick action can reload it the moment it is done.
import { Card } from "../../components/card";
import { Empty, ErrorNotice, Loading } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import type { TimelineEntry } from "./customer-types";
import { LoadMore } from "./load-more";
import { TimelineItem } from "./timeline-entry";
import { timelineMessages } from "./timeline.messages";
import type { CursorList } from "./use-cursor-list";

export function CustomerTimeline({ timeline }: { timeline: CursorList<TimelineEntry> }) {
  const t = useMessages(timelineMessages);
  let body;
  if (timeline.error) body = <ErrorNotice error={timeline.error} onRetry={() => void timeline.reload()} />;
  else if (timeline.loading && timeline.items.length === 0) body = <Loading />;
  else if (timeline.items.length === 0) body = <Empty>{t("empty")}</Empty>;
  else
    body = (
      <>
        <ol class="timeline" aria-busy={timeline.loading || undefined}>
          {timeline.items.map((entry) => (
            <TimelineItem key={`${entry.kind}:${entry.id}`} entry={entry} />
          ))}
        </ol>
        <LoadMore list={timeline} />
      </>
    );
  return (
    <Card title={t("title")} labelledBy="timeline-title" class="customer-timeline">
      {body}
    </Card>
  );
}
