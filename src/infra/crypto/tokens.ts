import { createHash, randomBytes, randomFillSync, randomInt, timingSafeEqual } from "node:crypto";

/** 256 random bits, URL-safe: for links, sessions and browser bindings. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** A six-digit code, uniformly drawn. */
export function newSixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Secrets are kept only as SHA-256: a database dump holds nothing that can be replayed. */
export function hashSecret(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const pool = Buffer.allocUnsafe(4096);
let poolOffset = pool.length;

/**
 * Random bytes, base64, from a pool refilled by the system's CSPRNG 4 KiB at a time: for values
 * made on every page (the CSP nonce, a first visit's form token), where one system call each
 * cost 5% of a page's time. No byte is handed out twice.
 */
export function pooledRandomBase64(bytes: number, encoding: "base64" | "base64url" = "base64") {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const value = pool.toString(encoding, poolOffset, poolOffset + bytes);
  poolOffset += bytes;
  return value;
}
