import { AppError } from "@/lib/errors";
import { withScim } from "@/lib/http/with-scim";

// ANY /scim/v2/<unknown> – a SCIM error instead of the HTML 404 page
const notFound = withScim(
  async ({ request }) => {
    throw new AppError("not_found", `There is no SCIM endpoint at ${new URL(request.url).pathname}.`);
  },
  { action: "scim.unknown" },
);

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
