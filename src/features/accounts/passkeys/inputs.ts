import { z } from "zod";

const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/)
  .max(4096);

/** A browser's WebAuthn answer, as @simplewebauthn/browser serialises it; nothing else accepted. */
function credentialAnswer<Inner extends z.ZodRawShape>(response: Inner) {
  return z
    .object({
      id: base64url,
      rawId: base64url,
      type: z.literal("public-key"),
      authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
      clientExtensionResults: z.record(z.string(), z.unknown()),
      response: z.object(response).strict(),
    })
    .strict();
}

export const registrationResponse = credentialAnswer({
  clientDataJSON: base64url,
  attestationObject: base64url,
  authenticatorData: base64url.optional(),
  transports: z.array(z.string().max(20)).max(10).optional(),
  publicKeyAlgorithm: z.number().int().optional(),
  publicKey: base64url.optional(),
});

export const authenticationResponse = credentialAnswer({
  clientDataJSON: base64url,
  authenticatorData: base64url,
  signature: base64url,
  userHandle: base64url.optional(),
});

export const registerPasskeyBody = z
  .object({ response: registrationResponse, name: z.string().trim().min(1).max(60).optional() })
  .strict();

export const passkeySignInBody = z.object({ response: authenticationResponse }).strict();
