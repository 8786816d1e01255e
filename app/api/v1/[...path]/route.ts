import { AppError } from "@/lib/errors";
import { withApi } from "@/lib/http/with-api";

// ANY /api/v1/<unknown> – a problem document instead of the HTML 404 page
const notFound = withApi(
  async ({ request }) => {
    throw new AppError("not_found", `There is no endpoint at ${new URL(request.url).pathname}.`);
  },
  { action: "api.unknown" },
);

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
