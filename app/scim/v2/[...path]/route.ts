import { AppError } from "@/lib/errors";
import { withScim } from "@/lib/http/with-scim";

// ANY /scim/v2/<unknown> – a SCIM error instead of the HTML 404 page
const notFound = withScim(
  async ({ request }) => {
    const { pathname } = new URL(request.url);
    // RFC 7644 §3.4.3 allows a search across every resource type at the root; only each type's own is offered.
    if (pathname === "/scim/v2/.search" && request.method === "POST") {
      throw new AppError("not_implemented", "Search /Users/.search or /Groups/.search; a search across both is not supported.");
    }
    throw new AppError("not_found", `There is no SCIM endpoint at ${pathname}.`);
  },
  { action: "scim.unknown" },
);

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
