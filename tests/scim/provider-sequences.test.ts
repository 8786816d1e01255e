import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { entraIdSequence } from "@/tests/fixtures/scim-entra-id-sequence";
import { oktaSequence } from "@/tests/fixtures/scim-okta-sequence";
import { fillIn, valueAt, type ScimStep } from "@/tests/fixtures/scim-step";
import { organizationWithScimToken } from "@/tests/support/scim";

/** Replays a sequence for an organization that verified the domain of the sequence's addresses, as a real customer would have. */
async function replay(sequence: ScimStep[], domain: string) {
  const { scim } = await organizationWithScimToken({ domains: [domain] });
  const values: Record<string, string> = { suffix: randomUUID().slice(0, 8) };
  for (const step of sequence) {
    const filled = fillIn(step, values);
    const answer = await scim(filled.method, filled.path, filled.body);
    expect({ step: step.name, status: answer.status, detail: answer.body.detail }).toMatchObject({
      step: step.name,
      status: filled.expect.status,
    });
    if (filled.expect.body) expect(answer.body, step.name).toMatchObject(filled.expect.body);
    for (const [name, path] of Object.entries(filled.capture ?? {})) values[name] = String(valueAt(answer.body, path));
  }
}

describe("provisioning sequences of real identity providers", () => {
  it("Microsoft Entra ID's", () => replay(entraIdSequence, "contoso.example"));
  it("Okta's", () => replay(oktaSequence, "okta.local"));
});
