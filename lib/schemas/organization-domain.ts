import { z } from "zod";
import { stepUpFields } from "@/lib/schemas/step-up";

const hostnameLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain as people type it, made lower-case ASCII: an international name becomes its
 * punycode form through the URL parser, as browsers and mail servers spell it, so it
 * compares equal to the part of an address after the "@".
 */
function toAsciiDomain(input: string): string | null {
  // Letters, digits, hyphens and dots only: no scheme, port, path, "@", wildcard or space.
  if (!/^[\p{L}\p{M}\p{N}.-]+$/u.test(input)) return null;
  try {
    return new URL(`http://${input}`).hostname;
  } catch {
    return null;
  }
}

/** A domain name such as example.com: at least two labels, no IP address, no trailing dot. */
export const domainField = z
  .string({ error: "Enter a domain." })
  .trim()
  .min(1, "Enter a domain.")
  .refine((domain) => !domain.endsWith("."), "Leave out the trailing dot.")
  .transform((domain, context) => {
    const ascii = toAsciiDomain(domain);
    const labels = ascii?.split(".") ?? [];
    if (!ascii || labels.length < 2 || !labels.every((label) => hostnameLabel.test(label))) {
      context.addIssue({ code: "custom", message: "Enter a domain name such as example.com: letters, digits, hyphens and dots." });
    } else if (/^\d+$/.test(labels.at(-1)!)) {
      context.addIssue({ code: "custom", message: "Enter a domain name, not an IP address." });
    } else if (ascii.length > 253) {
      context.addIssue({ code: "custom", message: "A domain has at most 253 characters." });
    } else {
      return ascii;
    }
    return z.NEVER;
  });

export const domainStatuses = ["pending", "verified"] as const;

export const organizationDomainPublicSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  domain: z.string().meta({ description: "Lower-case; an international name in its punycode (xn--) form." }),
  status: z.enum(domainStatuses),
  verifiedAt: z.iso.datetime().nullable(),
  verificationMethod: z
    .enum(["dns", "trusted"])
    .nullable()
    .meta({ description: "`dns`: the TXT record was found; `trusted`: a superadmin vouched for the domain without DNS." }),
  record: z
    .object({ type: z.literal("TXT"), name: z.string(), value: z.string() })
    .meta({ description: "The DNS record that proves the organization controls the domain: publish it, then verify." }),
  createdAt: z.iso.datetime(),
});
export type OrganizationDomainPublic = z.infer<typeof organizationDomainPublicSchema>;

export const organizationDomainCreateSchema = z.strictObject({ domain: domainField });
export type OrganizationDomainCreate = z.infer<typeof organizationDomainCreateSchema>;

export const organizationDomainVerifySchema = z.strictObject({
  trust: z
    .boolean({ error: "Must be true or false." })
    .optional()
    .meta({ description: "Mark the domain verified without DNS (superadmins only, for installations without DNS)." }),
  // Vouching for a domain hands its accounts to a directory: a proof, unless the session confirmed one within STEP_UP_MINUTES.
  ...stepUpFields,
});
export type OrganizationDomainVerify = z.infer<typeof organizationDomainVerifySchema>;
