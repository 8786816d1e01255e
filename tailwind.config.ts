import type { Config } from "tailwindcss";

// Tailwind 4 reads its theme from CSS; this file holds what the CSS entry (@config) cannot say.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "class",
} satisfies Config;
