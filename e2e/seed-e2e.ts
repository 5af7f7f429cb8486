// Run by scripts/e2e-server.sh after the demo seed: accounts only the browser tests need.
import { hashPassword } from "../lib/auth/password.ts";
import { createDb } from "../lib/db/client.ts";
import { DEMO_TENANT_SLUG } from "../prisma/seed/demo.ts";

const db = createDb();
try {
  const passwordHash = await hashPassword("meetbridge-demo", 4);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  await db.user.upsert({
    where: { email: "lonely@meetbridge.local" },
    create: { email: "lonely@meetbridge.local", name: "无租户用户", passwordHash },
    update: {},
  });
  const disabled = await db.user.upsert({
    where: { email: "disabled@meetbridge.local" },
    create: {
      email: "disabled@meetbridge.local",
      name: "已停用用户",
      passwordHash,
      disabled: true,
    },
    update: {},
  });
  await db.membership.upsert({
    where: { tenantId_userId: { tenantId: tenant.id, userId: disabled.id } },
    create: { tenantId: tenant.id, userId: disabled.id, role: "admin" },
    update: {},
  });
  console.log("seeded the e2e-only accounts");
} finally {
  await db.$disconnect();
}
