import { AppError } from "@/lib/errors";
import { withScim } from "@/lib/http/with-scim";

// ANY /scim/v2/Bulk – not offered: several operations in one request (RFC 7644 §3.7); ServiceProviderConfig says bulk is not supported
const notOffered = withScim(
  async () => {
    throw new AppError("not_implemented", "/Bulk is not supported by this service provider.");
  },
  { action: "scim.unknown" },
);

export { notOffered as DELETE, notOffered as GET, notOffered as PATCH, notOffered as POST, notOffered as PUT };
