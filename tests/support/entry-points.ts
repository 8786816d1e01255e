import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ActionName } from "@/lib/auth/action-catalogue";
import type { RouteHandler } from "@/lib/http/handle-route";

const root = path.resolve(import.meta.dirname, "../..");
const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function filesNamed(directory: string, name: string): string[] {
  return readdirSync(path.join(root, directory), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join(directory, file))
    .sort();
}

/** A route method as the app serves it: its file, the path pattern it answers, and its handler. */
export type RouteEntry = { file: string; pattern: string; method: string; handler: RouteHandler & { action?: ActionName } };

/** `app/api/v1/users/[id]/route.ts` → `/api/v1/users/[id]`. */
const patternOf = (file: string) => `/${path.dirname(file).replace(/^app\/?/, "")}`;

/** Every method of every route file under `app/`, loaded as Next.js would load it. */
export async function routeEntries(): Promise<RouteEntry[]> {
  const entries: RouteEntry[] = [];
  for (const file of filesNamed("app", "route.ts")) {
    const loaded = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const method of httpMethods) {
      const handler = loaded[method];
      if (typeof handler === "function")
        entries.push({ file, pattern: patternOf(file), method, handler: handler as RouteEntry["handler"] });
    }
  }
  return entries;
}

/** A server action as pages import it: its file, its export name, and the function. */
export type ServerActionEntry = { file: string; name: string; action: ((...args: never[]) => unknown) & { actions?: ActionName[] } };

/** Every file under these folders that opens with the `"use server"` directive, whatever its name. */
export function serverActionFiles(directories = ["app", "components", "lib"]): string[] {
  return directories.flatMap((directory) =>
    readdirSync(path.join(root, directory), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !file.includes("generated"))
      .map((file) => path.join(directory, file))
      .filter((file) => /^\s*["']use server["']/.test(readFileSync(path.join(root, file), "utf8")))
      .sort(),
  );
}

/** Every export of every `"use server"` file. */
export async function serverActionEntries(): Promise<ServerActionEntry[]> {
  const files = serverActionFiles();
  const entries: ServerActionEntry[] = [];
  for (const file of files) {
    const loaded = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(loaded)) {
      if (typeof value === "function") entries.push({ file, name, action: value as ServerActionEntry["action"] });
    }
  }
  return entries;
}
