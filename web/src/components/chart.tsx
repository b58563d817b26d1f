// Small SVG charts (bars or a line) with the values also in a visually hidden table: the table is
// what a screen reader gets (the drawing is hidden from it, so it never meets an unnamed image). Bars run from the start side, so Persian reads right to left.
import { useLanguage } from "../i18n/i18n";

export interface ChartSeries {
  name: string;
  points: Array<{ label: string; value: number }>;
}

export function Chart({ kind, series, title, format = (value: number) => String(value) }: { kind: "bar" | "line"; series: ChartSeries[]; title: string; format?: (value: number) => string }) {
  const { language } = useLanguage();
  const first = series[0];
  if (!first || first.points.length === 0) return <p class="muted">—</p>;
  const width = 320;
  const height = 140;
  const pad = { top: 10, bottom: 22, side: 4 };
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const count = first.points.length;
  const step = (width - pad.side * 2) / count;
  const rtl = language === "fa";
  const xAt = (index: number) => (rtl ? width - pad.side - step * (index + 0.5) : pad.side + step * (index + 0.5));
  const yAt = (value: number) => pad.top + (height - pad.top - pad.bottom) * (1 - value / max);
  const labelEvery = Math.ceil(count / 8);
  return (
    <figure class="chart-figure" style={{ margin: 0 }}>
      <svg class="chart" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        {kind === "bar"
          ? first.points.map((point, index) => {
              const barWidth = Math.max(2, step * 0.7);
              const y = yAt(point.value);
              return (
                <rect key={index} class="chart__bar" x={xAt(index) - barWidth / 2} y={y} width={barWidth} height={Math.max(0, height - pad.bottom - y)} rx={2}>
                  <title>{`${point.label}: ${format(point.value)}`}</title>
                </rect>
              );
            })
          : series.map((line, seriesIndex) => (
              <polyline
                key={seriesIndex}
                class="chart__line"
                style={seriesIndex ? { stroke: "#e0892b" } : undefined}
                points={line.points.map((point, index) => `${xAt(index)},${yAt(point.value)}`).join(" ")}
              />
            ))}
        {first.points.map((point, index) => {
          if (index % labelEvery !== 0) return null;
          // A label at either edge of the drawing is anchored inwards, so it is never cut off
          // ("۲۱ شهریور" must not read "۲ شهریور"): the outermost labels keep their whole text.
          const x = xAt(index);
          const atLeft = x - step / 2 <= pad.side + 1;
          const atRight = x + step / 2 >= width - pad.side - 1;
          // text-anchor follows the text's direction: in Persian "start" is the right-hand end.
          const side = atLeft && !atRight ? "left" : atRight && !atLeft ? "right" : "middle";
          const anchor = side === "middle" ? "middle" : (side === "left") === rtl ? "end" : "start";
          const at = side === "left" ? 0 : side === "right" ? width : x;
          return (
            <text key={`l${index}`} class="chart__label" x={at} y={height - 6} text-anchor={anchor}>
              {point.label}
            </text>
          );
        })}
      </svg>
      <table class="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {first.points.map((point, index) => (
            <tr key={index}>
              <th scope="row">{point.label}</th>
              {series.map((s, i) => (
                <td key={i}>{format(s.points[index]?.value ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {series.length > 1 && (
        <figcaption class="row small muted">
          {series.map((s, i) => (
            <span key={i}>
              <span aria-hidden="true" style={{ color: i ? "#e0892b" : "var(--primary)" }}>
                ●
              </span>{" "}
              {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
