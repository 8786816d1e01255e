"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartSeries = { key: string; label: string; color: string };
type Row = Record<string, string | number>;

const tooltipStyle = { background: "var(--chart-tooltip)", border: "1px solid var(--chart-grid)", borderRadius: 6, fontSize: 12 };
const tick = { fill: "currentColor", fontSize: 12 };

/**
 * One chart of per-day figures. The drawing is hidden from screen readers, which get the
 * same figures as a table and a one-sentence summary instead; so the drawing has no
 * keyboard layer either, which would put focusable elements inside the hidden part.
 */
export function DailyChart({
  id,
  title,
  summary,
  data,
  series,
  kind,
}: {
  id: string;
  title: string;
  summary: string;
  data: Row[];
  series: ChartSeries[];
  kind: "bar" | "line";
}) {
  const Chart = kind === "bar" ? BarChart : LineChart;
  return (
    <figure
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
      data-points={data.length}
      className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <figcaption id={`${id}-title`} className="mb-1 font-medium">
        {title}
      </figcaption>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{summary}</p>
      <div aria-hidden="true" className="h-56 text-zinc-600 dark:text-zinc-400">
        <ResponsiveContainer width="100%" height="100%">
          <Chart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
            <XAxis dataKey="date" tick={tick} tickFormatter={(date: string) => date.slice(5)} minTickGap={16} />
            <YAxis tick={tick} allowDecimals={false} />
            <Tooltip contentStyle={tooltipStyle} cursor={{ fill: "var(--chart-grid)", opacity: 0.4 }} />
            {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
            {series.map((line) =>
              kind === "bar" ? (
                <Bar key={line.key} dataKey={line.key} name={line.label} fill={line.color} stackId="day" isAnimationActive={false} />
              ) : (
                <Line
                  key={line.key}
                  dataKey={line.key}
                  name={line.label}
                  stroke={line.color}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}, per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((line) => (
              <th key={line.key} scope="col">
                {line.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={String(row.date)}>
              <th scope="row">{row.date}</th>
              {series.map((line) => (
                <td key={line.key}>{row[line.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
