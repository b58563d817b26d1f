// SQL that gives the NPS plugin a survey answered by customers from..to of the workspace (a send
// and a response each, scores spread 0–10 over the last year) and the daily rollups the results
// page reads, so its cost can be compared at 1k and 100k responses.
export const NPS_SURVEY = "nps_bench";

export function npsSeedSql({ workspaceId, from, to, now }) {
  const ws = `'${workspaceId}'`;
  const day = 86_400_000;
  return `
insert or ignore into nps_surveys (id, workspace_id, name, channel, question, follow_ups, thank_you, review_url, trigger, delay_days, reminder_days, active, created_at, updated_at)
values ('${NPS_SURVEY}', ${ws}, 'Bench survey', 'sms', '{"en":"How likely?","fa":"چقدر؟"}', '{"detractor":{"en":"Why?","fa":"چرا؟"},"passive":{"en":"Why?","fa":"چرا؟"},"promoter":{"en":"Why?","fa":"چرا؟"}}', '{"en":"Thanks","fa":"سپاس"}', null, 'manual', 3, null, 1, ${now}, ${now});
update customers set consent_sms = 'granted' where workspace_id = ${ws};
insert or ignore into nps_sends (id, workspace_id, survey_id, customer_id, token, status, due_at, sent_at, responded_at, created_at, updated_at)
select 'nsd_b' || c.id, ${ws}, '${NPS_SURVEY}', c.id, lower(hex(randomblob(16))), 'sent', ${now}, ${now}, ${now}, ${now}, ${now}
from (select id from customers where workspace_id = ${ws} order by id limit ${to - from + 1} offset ${from - 1}) c;
insert or ignore into nps_responses (id, workspace_id, send_id, survey_id, customer_id, score, band, via, day, answered_at, closes_at, created_at, updated_at)
select 'npr_b' || s.customer_id, ${ws}, s.id, '${NPS_SURVEY}', s.customer_id, x.score,
  case when x.score <= 6 then 'detractor' when x.score <= 8 then 'passive' else 'promoter' end, 'link',
  date((${now} - x.age * ${day}) / 1000, 'unixepoch'), ${now} - x.age * ${day}, ${now}, ${now}, ${now}
from nps_sends s join (select id, abs(random()) % 11 as score, abs(random()) % 365 as age from nps_sends where workspace_id = ${ws} and id like 'nsd_b%') x on x.id = s.id
where s.workspace_id = ${ws} and s.id like 'nsd_b%' and not exists (select 1 from nps_responses r where r.workspace_id = ${ws} and r.send_id = s.id);
delete from nps_rollups where workspace_id = ${ws} and survey_id = '${NPS_SURVEY}';
insert into nps_rollups (workspace_id, survey_id, day, sent, delivered, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)
select ${ws}, '${NPS_SURVEY}', day, count(*), count(*), ${Array.from({ length: 11 }, (_, n) => `sum(score = ${n})`).join(", ")}
from nps_responses where workspace_id = ${ws} and survey_id = '${NPS_SURVEY}' group by day;
`;
}
