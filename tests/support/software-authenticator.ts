import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type { AuthenticationResponseInput, RegistrationResponseInput } from "@/lib/schemas/passkeys";

/**
 * A passkey authenticator in software, for service tests: it makes an ES256 key pair
 * and answers WebAuthn challenges exactly as a real one does (attestation "none",
 * assertions signed over authenticatorData ‖ SHA-256(clientDataJSON), W3C WebAuthn §6.1
 * and §6.3.3). Nothing is mocked on the server side: @simplewebauthn/server verifies
 * these answers as it would a browser's.
 */
export type SoftwareAuthenticator = ReturnType<typeof softwareAuthenticator>;

type Ceremony = { challenge: string; origin?: string; rpID?: string };
type AssertionOptions = Ceremony & { userId?: string; counter?: number; userVerified?: boolean };

const flags = { userPresent: 0x01, userVerified: 0x04, attestedCredentialData: 0x40 };
const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

export function softwareAuthenticator({ rpID, origin }: { rpID: string; origin: string }) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = randomBytes(16);
  let counter = 0;

  // COSE_Key (RFC 9053 §7.1.1): kty EC2, alg ES256, crv P-256, x, y.
  const coseKey = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );

  const authenticatorData = (rp: string, flagBits: number, count: number, attested?: Buffer) => {
    const countBytes = Buffer.alloc(4);
    countBytes.writeUInt32BE(count);
    return Buffer.concat([sha256(rp), Buffer.from([flagBits]), countBytes, ...(attested ? [attested] : [])]);
  };
  const clientData = (type: string, { challenge, origin: from = origin }: Ceremony) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: from, crossOrigin: false }));

  return {
    credentialId: b64(credentialId),

    /** Answers navigator.credentials.create(): a new credential, attestation "none". */
    register(ceremony: Ceremony): RegistrationResponseInput {
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, Buffer.from(coseKey)]);
      const bits = flags.userPresent | flags.userVerified | flags.attestedCredentialData;
      const authData = authenticatorData(ceremony.rpID ?? rpID, bits, counter, attested);
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Uint8Array | Map<string, string>>([
          ["fmt", "none"],
          ["attStmt", new Map<string, string>()],
          ["authData", authData],
        ]),
      );
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64(clientData("webauthn.create", ceremony)),
          attestationObject: b64(attestationObject),
          transports: ["internal"],
        },
        clientExtensionResults: {},
      };
    },

    /** Answers navigator.credentials.get(); the counter moves forward unless the test sets it. */
    assert(options: AssertionOptions): AuthenticationResponseInput {
      counter = options.counter ?? counter + 1;
      const bits = flags.userPresent | (options.userVerified === false ? 0 : flags.userVerified);
      const authData = authenticatorData(options.rpID ?? rpID, bits, counter);
      const clientDataJSON = clientData("webauthn.get", options);
      const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), privateKey);
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64(clientDataJSON),
          authenticatorData: b64(authData),
          signature: b64(signature),
          ...(options.userId ? { userHandle: b64(Buffer.from(options.userId)) } : {}),
        },
        clientExtensionResults: {},
      };
    },
  };
}
