/** Shared look of the header's dropdown menus. */
export const menuContentClass =
  "z-50 min-w-48 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900";
export const menuItemClass =
  "flex w-full cursor-pointer select-none items-center rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";
