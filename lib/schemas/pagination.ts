import "@/lib/schemas/openapi-zod";
import { z } from "zod";
import { queryIntegerField } from "@/lib/schemas/fields";

/**
 * List endpoints page two ways: by page number (`page`, `limit`; the answer carries
 * `total`) for tables people click through, or by cursor (`cursor` from the previous
 * answer's `nextCursor`) for walking large tables without counting them.
 */
export const paginationQuerySchema = z.object({
  // Deeper than a million pages, walk by cursor: an offset that large reads every row before it.
  page: queryIntegerField({ min: 1, max: 1_000_000, minMessage: "Pages start at 1." }).optional(),
  limit: queryIntegerField({ min: 1, max: 100 }).default(20),
  cursor: z.string().min(1).max(500).optional(),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

/** The shape of every list answer. */
export type Page<T> = { data: T[]; total?: number; nextCursor?: string | null };

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    total: z.number().int().optional(),
    nextCursor: z.string().nullable().optional(),
  });
