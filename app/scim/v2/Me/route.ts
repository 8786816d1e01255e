import { AppError } from "@/lib/errors";
import { withScim } from "@/lib/http/with-scim";

// ANY /scim/v2/Me – not offered: the authenticated subject's own resource (RFC 7644 §3.11): a SCIM token acts for a directory, not a person
const notOffered = withScim(
  async () => {
    throw new AppError("not_implemented", "/Me is not supported by this service provider.");
  },
  { action: "scim.unknown" },
);

export { notOffered as DELETE, notOffered as GET, notOffered as PATCH, notOffered as POST, notOffered as PUT };
