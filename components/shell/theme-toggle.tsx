"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** Switches between light and dark; renders only after hydration, when the theme is known. */
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  if (!hydrated) return <span className="size-9" />;
  const next = resolvedTheme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      aria-label={`Switch to ${next} theme`}
      className="flex size-9 items-center justify-center rounded-md text-lg hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-800"
    >
      <span aria-hidden>{next === "dark" ? "☾" : "☀"}</span>
    </button>
  );
}
