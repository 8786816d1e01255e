import type { GlobalRole } from "@/lib/auth/roles";

/** The authenticated caller every service receives; services decide what it may do. */
export type Actor = {
  userId: string;
  email: string;
  role: GlobalRole;
  /** The server-side session that authenticated this request. */
  sessionId: string;
};
