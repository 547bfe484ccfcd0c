import type { CookieSerializeOptions } from "@fastify/cookie";

/**
 * `__Host-` cookies must be Secure, on path / and without a Domain, so a neighbouring
 * sub-domain cannot plant or read them. Browsers accept Secure cookies on http://localhost.
 */
export const cookieNames = {
  session: "__Host-mutua_session",
  csrf: "__Host-mutua_csrf",
  flash: "__Host-mutua_flash",
  signIn: "__Host-mutua_signin",
  passkey: "__Host-mutua_passkey",
  language: "__Host-mutua_lang",
  returnTo: "__Host-mutua_return",
} as const;

export function cookieOptions(maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "lax",
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}
