/** A unique constraint refused the write (Prisma P2002, through either driver adapter). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === "P2002";
}
