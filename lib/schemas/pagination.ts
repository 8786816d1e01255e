import "@/lib/schemas/openapi-zod";
import { z } from "zod";

/**
 * List endpoints page two ways: by page number (`page`, `limit`; the answer carries
 * `total`) for tables people click through, or by cursor (`cursor` from the previous
 * answer's `nextCursor`) for walking large tables without counting them.
 */
export const paginationQuerySchema = z.object({
  page: z.coerce.number({ error: "Must be a whole number." }).int("Must be a whole number.").min(1, "Pages start at 1.").optional(),
  limit: z.coerce
    .number({ error: "Must be a whole number." })
    .int("Must be a whole number.")
    .min(1, "Must be at least 1.")
    .max(100, "Must be at most 100.")
    .default(20),
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
