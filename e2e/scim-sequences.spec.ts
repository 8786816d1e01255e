import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { entraIdSequence } from "@/tests/fixtures/scim-entra-id-sequence";
import { oktaSequence } from "@/tests/fixtures/scim-okta-sequence";
import { fillIn, valueAt, type ScimStep } from "@/tests/fixtures/scim-step";
import { apiAs, uniqueSlug } from "./orgs-support";
import { admin } from "./support";

/**
 * The identity providers' published provisioning sequences (tests/fixtures), replayed
 * over HTTP against the production server exactly as the vendors' validators send them.
 * Only the sequences' domain is made unique per run, since a domain is verified by one
 * organization in the whole installation.
 */
let adminApi: APIRequestContext;
test.beforeAll(async () => {
  adminApi = await apiAs(admin.email);
});
test.afterAll(async () => {
  await adminApi.dispose();
});

/** An organization whose domain the superadmin vouched for, and a SCIM token of it. */
async function directoryFor(domain: string): Promise<string> {
  const created = await adminApi.post("/api/v1/organizations", { data: { name: "Directory", slug: uniqueSlug("scim") } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const claimed = await adminApi.post(`/api/v1/organizations/${id}/domains`, { data: { domain } });
  expect(claimed.status(), await claimed.text()).toBe(201);
  const { id: domainId } = (await claimed.json()) as { id: string };
  const verified = await adminApi.post(`/api/v1/organizations/${id}/domains/${domainId}/verify`, { data: { trust: true } });
  expect(verified.status(), await verified.text()).toBe(200);
  const token = await adminApi.post(`/api/v1/organizations/${id}/scim-tokens`, {
    data: { name: "Vendor validator", password: admin.password },
  });
  expect(token.status(), await token.text()).toBe(201);
  return ((await token.json()) as { token: string }).token;
}

const sequences: [string, ScimStep[], string][] = [
  ["Microsoft Entra ID", entraIdSequence, "contoso.example"],
  ["Okta", oktaSequence, "okta.local"],
];

for (const [vendor, sequence, publishedDomain] of sequences) {
  test(`${vendor}'s published provisioning sequence passes against the production build`, async ({ request }) => {
    const prefix = randomUUID().slice(0, 8);
    const domain = `${prefix}.${publishedDomain}`;
    // Case-insensitively, keeping each occurrence's case: the sequences look addresses up in other cases on purpose.
    const published = new RegExp(publishedDomain.replaceAll(".", "\\."), "gi");
    const steps = JSON.parse(JSON.stringify(sequence).replace(published, (found) => `${prefix}.${found}`)) as ScimStep[];
    const token = await directoryFor(domain);
    const values: Record<string, string> = { suffix: randomUUID().slice(0, 8) };
    for (const step of steps) {
      const filled = fillIn(step, values);
      const response = await request.fetch(filled.path, {
        method: filled.method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
        data: filled.body === undefined ? undefined : JSON.stringify(filled.body),
      });
      const text = await response.text();
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      expect({ step: step.name, status: response.status() }, text).toEqual({ step: step.name, status: filled.expect.status });
      expect(response.headers()["content-type"] ?? "", step.name).toMatch(text ? /application\/scim\+json/ : /.*/);
      if (filled.expect.body) expect(body, step.name).toMatchObject(filled.expect.body);
      for (const [name, path] of Object.entries(filled.capture ?? {})) values[name] = String(valueAt(body, path));
    }
  });
}
