// Renders a plugin's blocks with the UI's own components. The block types come from the plugin
// contract itself (a type-only import: nothing of the Worker is bundled).
import { useState } from "preact/hooks";
import type { UiBlock, UiText } from "../../../worker/plugin-api/ui-blocks";
import { api, ApiError } from "../api/client";
import { Button } from "../components/button";
import { Chart } from "../components/chart";
import { DateField } from "../components/date-field";
import { Checkbox, SelectField, TextArea, TextField } from "../components/field";
import { ErrorNotice, Notice } from "../components/states";
import { TableScroll } from "../components/table-scroll";
import { useToast } from "../components/toast";
import { useFormat, type Formatter } from "../i18n/format";
import { pickText, useLanguage, type Language } from "../i18n/i18n";
import { shownFields, toLatinDigits } from "./block-values";
import { fillPath } from "./plugin-surface";
import { formBody } from "./form-body";
import { StepList } from "./step-list-block";

export type { UiBlock };

type Value = string | number | null | { en: string; fa: string };

export function formatValue(cell: Value | undefined, format: string | undefined, f: Formatter) {
  // A cell in both languages shows the reader's.
  const value = cell !== null && typeof cell === "object" ? cell[f.language] : cell;
  if (value === null || value === undefined || value === "") return "—";
  switch (format) {
    case "number":
      return typeof value === "number" ? f.number(value) : f.digits(value);
    case "money":
      return f.money(Number(value));
    case "percent":
      return f.percent(Number(value));
    case "date":
      return f.date(value);
    case "datetime":
      return f.dateTime(value);
    case "badge":
      return <span class="badge badge--primary">{String(value)}</span>;
    case "code":
      return <code>{String(value)}</code>;
    default:
      return typeof value === "number" ? f.number(value) : value;
  }
}

export function Blocks({ pluginId, blocks, onChanged }: { pluginId: string; blocks: UiBlock[]; onChanged: () => void }) {
  return (
    <div class="stack">
      {blocks.map((block, index) => (
        <Block key={index} pluginId={pluginId} block={block} onChanged={onChanged} />
      ))}
    </div>
  );
}

function Block({ pluginId, block, onChanged }: { pluginId: string; block: UiBlock; onChanged: () => void }) {
  const { language } = useLanguage();
  const f = useFormat();
  const text = (value: UiText | undefined) => pickText(value, language);
  switch (block.type) {
    case "stats":
      return (
        <div class="grid grid--kpi">
          {block.items.map((item, index) => (
            <div key={index} class="kpi">
              <span class="kpi__label">{text(item.label)}</span>
              <span class="kpi__value">{formatValue(item.value, item.format, f)}</span>
              {item.hint && <span class="kpi__hint">{text(item.hint)}</span>}
            </div>
          ))}
        </div>
      );
    case "progress": {
      const ratio = block.max > 0 ? Math.min(1, Math.max(0, block.value / block.max)) : 0;
      return (
        <div class="stack" style={{ gap: "0.35rem" }}>
          <div class="row">
            <span>{text(block.label)}</span>
            <span class="spacer" />
            <span class="muted small">
              {f.number(block.value)} / {f.number(block.max)}
            </span>
          </div>
          <div class="progress" role="progressbar" aria-label={text(block.label)} aria-valuemin={0} aria-valuemax={block.max} aria-valuenow={block.value}>
            <div class="progress__fill" style={{ inlineSize: `${ratio * 100}%` }} />
          </div>
          {block.caption && <span class="muted small">{text(block.caption)}</span>}
        </div>
      );
    }
    case "table":
      return (
        <div>
          {block.title && <h3 style={{ marginBlockEnd: "0.5rem" }}>{text(block.title)}</h3>}
          {block.rows.length === 0 ? (
            <p class="muted">{text(block.empty) || "—"}</p>
          ) : (
            <TableScroll label={text(block.title) || text(block.columns[0]?.label)}>
              <table class="table">
                {block.title && <caption class="visually-hidden">{text(block.title)}</caption>}
                <thead>
                  <tr>
                    {block.columns.map((column) => (
                      <th key={column.key} scope="col" class={column.format === "number" || column.format === "money" ? "numeric" : undefined}>
                        {text(column.label)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, index) => (
                    <tr key={index}>
                      {block.columns.map((column) => (
                        <td key={column.key} class={column.format === "number" || column.format === "money" ? "numeric" : undefined}>
                          {column.link ? <a href={pageLink(pluginId, fillPath(column.link, row))}>{formatValue(row[column.key], column.format, f)}</a> : formatValue(row[column.key], column.format, f)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </div>
      );
    case "chart":
      return (
        <div>
          {block.title && <h3 style={{ marginBlockEnd: "0.5rem" }}>{text(block.title)}</h3>}
          <Chart
            kind={block.kind}
            title={text(block.title)}
            series={block.series.map((series) => ({ name: text(series.name), points: series.points.map((point) => ({ label: text(point.label), value: point.value })) }))}
            format={(value) => String(formatValue(value, block.format ?? "number", f))}
          />
        </div>
      );
    case "text":
      return <Notice tone={block.tone ?? "muted"}>{text(block.text)}</Notice>;
    case "form":
      return <BlockForm pluginId={pluginId} block={block} language={language} onChanged={onChanged} />;
    case "actions":
      return <BlockActions pluginId={pluginId} block={block} language={language} onChanged={onChanged} />;
    case "steps":
      return <StepList pluginId={pluginId} block={block} language={language} onChanged={onChanged} />;
    case "links":
      return (
        <nav class="row" aria-label={language === "fa" ? "پیوندها" : "Links"}>
          {block.items.map((item) => (
            <a key={item.query} href={pageLink(pluginId, item.query)}>
              {text(item.label)}
            </a>
          ))}
        </nav>
      );
  }
}

/** A view of the plugin's own page: its query goes to the page's source route. */
const pageLink = (pluginId: string, query: string) => `/plugins/${encodeURIComponent(pluginId)}${query === "?" ? "" : query}`;

type FormBlock = Extract<UiBlock, { type: "form" }>;

function initialValues(block: FormBlock): Record<string, string | boolean> {
  return Object.fromEntries(block.fields.map((field) => [field.name, field.input === "checkbox" ? Boolean(field.default) : field.default === undefined ? "" : String(field.default)]));
}

/** `{name}` in a text takes the response's member, formatted as asked (numbers in the reader's digits). */
function fillText(template: string, values: Record<string, unknown>, formats: Record<string, string>, f: Formatter): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (value === null) return "—";
    const format = formats[name] ?? (typeof value === "number" ? "number" : "text");
    if (format === "money") {
      // An amount in minor units of the workspace's currency, or { amount, currency } as core's estimates give it.
      const money = value && typeof value === "object" ? (value as { amount?: number; currency?: string }) : { amount: Number(value) };
      return f.money(Number(money.amount), money.currency);
    }
    return format === "number" ? f.number(Number(value)) : String(value);
  });
}

function BlockForm({ pluginId, block, language, onChanged }: { pluginId: string; block: FormBlock; language: Language; onChanged: () => void }) {
  const toast = useToast();
  const f = useFormat();
  const [values, setValues] = useState(() => initialValues(block));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<string>();
  // A form that asks for a view (answer: "blocks") shows it here.
  const [answer, setAnswer] = useState<UiBlock[]>();
  const text = (value: UiText | undefined) => pickText(value, language);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setAnswer(undefined);
    const body = formBody(block, values);
    try {
      const response = await api[block.request.method === "DELETE" ? "delete" : block.request.method === "PATCH" ? "patch" : block.request.method === "PUT" ? "put" : "post"]<Record<string, unknown>>(
        `/api/plugins/${encodeURIComponent(pluginId)}${fillPath(block.request.path, { ...block.body, ...values })}`,
        body,
      );
      if (block.answer === "blocks") {
        setAnswer(((response ?? {}) as { blocks?: UiBlock[] }).blocks ?? []);
        return;
      }
      const done = block.successText ? fillText(text(block.successText), response ?? {}, block.successFormat ?? {}, f) : undefined;
      setResult(done);
      toast(done ?? (language === "fa" ? "انجام شد" : "Done"));
      setValues(initialValues(block));
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  const fields = shownFields(block.fields, (name) => values[name]);
  const unplaced = error && !fields.some((field) => error.fieldError(field.name));
  return (
    <>
      <form class="form" noValidate onSubmit={submit} aria-label={text(block.title) || text(block.submitLabel)}>
        {block.title && <h3>{text(block.title)}</h3>}
        <div class="form__row">
          {fields.map((field) => {
            const common = { label: text(field.label), error: error?.fieldError(field.name), hint: text(field.help) || undefined, required: field.required, name: field.name };
            const value = values[field.name];
            const set = (next: string | boolean) => setValues({ ...values, [field.name]: next });
            if (field.input === "textarea") return <TextArea key={field.name} {...common} value={String(value ?? "")} onValue={set} />;
            if (field.input === "select")
              return <SelectField key={field.name} {...common} value={String(value ?? "")} onValue={set} options={[{ value: "", label: "—" }, ...(field.options ?? []).map((option) => ({ value: String(option.value), label: text(option.label) }))]} />;
            if (field.input === "checkbox") return <Checkbox key={field.name} label={common.label} checked={Boolean(value)} onChecked={set} name={field.name} />;
            if (field.input === "date") return <DateField key={field.name} {...common} value={String(value ?? "")} onValue={set} />;
            return (
              <TextField
                key={field.name}
                {...common}
                type={field.input === "number" || field.input === "time" || field.input === "item" ? "text" : field.input}
                inputMode={field.input === "number" || field.input === "time" ? "numeric" : undefined}
                placeholder={text(field.placeholder)}
                value={String(value ?? "")}
                onValue={(next) => set(field.input === "number" || field.input === "time" ? toLatinDigits(next) : next)}
              />
            );
          })}
        </div>
        {unplaced && <ErrorNotice error={error} />}
        {result && <Notice tone="success">{result}</Notice>}
        <div class="form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            {text(block.submitLabel)}
          </Button>
        </div>
      </form>
      {answer && (
        <div role="region" aria-live="polite" aria-label={text(block.title) || text(block.submitLabel)}>
          <Blocks pluginId={pluginId} blocks={answer} onChanged={onChanged} />
        </div>
      )}
    </>
  );
}

type ActionsBlock = Extract<UiBlock, { type: "actions" }>;

function BlockActions({ pluginId, block, language, onChanged }: { pluginId: string; block: ActionsBlock; language: Language; onChanged: () => void }) {
  const toast = useToast();
  const [busy, setBusy] = useState<number>();
  const [error, setError] = useState<ApiError>();
  const [progress, setProgress] = useState<{ index: number; done: number }>();
  const text = (value: UiText | undefined) => pickText(value, language);
  async function run(index: number) {
    const item = block.items[index]!;
    if (item.confirm && !window.confirm(text(item.confirm))) return;
    setBusy(index);
    setError(undefined);
    try {
      const path = `/api/plugins/${encodeURIComponent(pluginId)}${fillPath(item.request.path, item.body ?? {})}`;
      const send = (body: Record<string, unknown>) =>
        item.request.method === "DELETE" ? api.delete<Record<string, unknown>>(path) : api[item.request.method === "PATCH" ? "patch" : item.request.method === "PUT" ? "put" : "post"]<Record<string, unknown>>(path, body);
      const repeat = item.repeat;
      if (repeat) {
        // A chunked request: again from where the last answer says, until it says nothing is left.
        let done = 0;
        let cursor: unknown = null;
        setProgress({ index, done });
        do {
          const answer: Record<string, unknown> = (await send({ ...item.body, ...(cursor === null ? {} : { [repeat.as]: cursor }) })) ?? {};
          done += Number(answer[repeat.count] ?? 0);
          setProgress({ index, done });
          cursor = answer[repeat.cursor] ?? null;
        } while (cursor !== null);
      } else await send(item.body ?? {});
      toast(language === "fa" ? "انجام شد" : "Done");
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  }
  const repeating = progress ? block.items[progress.index]?.repeat : undefined;
  return (
    <div class="stack" style={{ gap: "0.5rem" }}>
      <div class="row">
        {block.items.map((item, index) => (
          <Button key={index} small variant={item.tone === "danger" ? "danger" : "secondary"} busy={busy === index} disabled={busy !== undefined && busy !== index} onClick={() => void run(index)}>
            {text(item.label)}
          </Button>
        ))}
      </div>
      {progress && repeating && (
        <div class="stack" role="status">
          <span id={`${pluginId}-repeat-progress`}>{text(repeating.label)
            .replace("{done}", formatCount(Math.min(progress.done, repeating.total), language))
            .replace("{total}", formatCount(repeating.total, language))}</span>
          <progress aria-labelledby={`${pluginId}-repeat-progress`} max={Math.max(repeating.total, 1)} value={Math.min(progress.done, repeating.total)} />
        </div>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}

const formatCount = (value: number, language: Language) => new Intl.NumberFormat(language === "fa" ? "fa-IR" : "en-US").format(value);
