import bcrypt from "bcryptjs";

// bcrypt cost 12 ≈ 0.25 s on this class of machine: slow enough to resist offline
// guessing, fast enough for sign-in. Tests and seeds may pass a lower cost.
const COST = 12;

export function hashPassword(plain: string, cost = COST): Promise<string> {
  return bcrypt.hash(plain, cost);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

let dummy: Promise<string> | undefined;

/** Spends the time of a real check when no user matches, so a wrong email answers as slowly as a wrong password. */
export async function verifyAgainstNothing(plain: string): Promise<false> {
  dummy ??= hashPassword("meetbridge-no-such-user");
  await bcrypt.compare(plain, await dummy);
  return false;
}
