import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env.js";

// Secrets at rest (app secrets, suite credentials, cached tokens) are sealed with
// AES-256-GCM under MEETBRIDGE_ENCRYPTION_KEY. Format: "v1.<iv>.<tag>.<ciphertext>",
// each part base64url; the version prefix leaves room for key rotation. A `context`
// (what the value is and whose, e.g. "token:<appId>:corp") is bound in as
// associated data: a sealed value copied into another column, row or tenant no longer
// opens. App credentials use lib/crypto/app-secret.ts, which names their context.
const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(env.MEETBRIDGE_ENCRYPTION_KEY, "base64");
}

export function sealSecret(plain: string, context = ""): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ct]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function openSecret(sealed: string, context = ""): string {
  const [version, iv, tag, ct] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ct === undefined) {
    throw new Error("Not a sealed secret (unknown format)");
  }
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  // A short tag would weaken the authentication: accept only what sealSecret writes.
  if (ivBytes.length !== 12 || tagBytes.length !== 16)
    throw new Error("Not a sealed secret (bad IV or tag)");
  const decipher = createDecipheriv("aes-256-gcm", key(), ivBytes, { authTagLength: 16 });
  decipher.setAuthTag(tagBytes);
  decipher.setAAD(Buffer.from(context, "utf8"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
