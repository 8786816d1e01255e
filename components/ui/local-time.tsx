"use client";

import { useSyncExternalStore } from "react";
import { dateStyles, type DateStyle } from "@/lib/format-date";

const subscribe = () => () => {};

/**
 * A moment in the reader's own locale and time zone, with the exact UTC time in a
 * tooltip: the one way the app shows dates. The server cannot know the reader's zone,
 * so it (and the first render in the browser, which must match it) shows UTC, labelled
 * so; right after, the browser renders it again in its own zone.
 */
export function LocalTime({ iso, style = "dateTime", never = "Never" }: { iso: string | null; style?: DateStyle; never?: string }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!iso) return <>{never}</>;
  const date = new Date(iso);
  const format = inBrowser
    ? new Intl.DateTimeFormat(undefined, dateStyles[style])
    : new Intl.DateTimeFormat("en-GB", { ...dateStyles[style], timeZone: "UTC" });
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {inBrowser ? format.format(date) : `${format.format(date)} UTC`}
    </time>
  );
}
