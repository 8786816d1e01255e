import { randomUUID } from "node:crypto";

/** An email no other test uses, so tests never collide whatever their order; for vitest and Playwright alike. */
export const uniqueEmail = (label = "user") => `${label}-${randomUUID()}@example.test`;
