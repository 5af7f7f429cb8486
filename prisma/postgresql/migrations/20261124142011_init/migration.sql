-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'admin', 'booker', 'viewer');

-- CreateEnum
CREATE TYPE "AppKind" AS ENUM ('self_built', 'third_party', 'custom');

-- CreateEnum
CREATE TYPE "PermissionState" AS ENUM ('unknown', 'granted', 'denied');

-- CreateEnum
CREATE TYPE "AppStatus" AS ENUM ('active', 'unauthorised', 'disabled');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('booked', 'in_progress', 'ended', 'cancelled', 'expired');

-- CreateEnum
CREATE TYPE "SyncState" AS ENUM ('in_sync', 'pending', 'needs_reconciliation');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('invitee', 'host', 'ring');

-- CreateEnum
CREATE TYPE "AuditSource" AS ENUM ('web', 'api', 'sync', 'callback', 'system');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "username" TEXT,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Corp" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "corpId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Corp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "App" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "corpRowId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AppKind" NOT NULL,
    "agentId" INTEGER,
    "baseUrl" TEXT NOT NULL DEFAULT 'https://qyapi.weixin.qq.com/cgi-bin/',
    "secretEnc" TEXT,
    "suiteId" TEXT,
    "suiteSecretEnc" TEXT,
    "suiteTicketEnc" TEXT,
    "suiteTicketAt" TIMESTAMP(3),
    "permanentCodeEnc" TEXT,
    "callbackTokenEnc" TEXT,
    "callbackAesKeyEnc" TEXT,
    "status" "AppStatus" NOT NULL DEFAULT 'active',
    "meetingPermission" "PermissionState" NOT NULL DEFAULT 'unknown',
    "visibleRange" JSONB,
    "permissionCheckedAt" TIMESTAMP(3),
    "permissionError" TEXT,
    "maxInvitees" INTEGER NOT NULL DEFAULT 100,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "App_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OaAccount" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobNumber" TEXT,
    "email" TEXT,
    "mobile" TEXT,
    "department" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OaAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mapping" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "corpRowId" TEXT NOT NULL,
    "oaAccountId" TEXT NOT NULL,
    "wecomUserId" TEXT NOT NULL,
    "verifyStatus" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "wecomMeetingId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startAt" TIMESTAMP(3) NOT NULL,
    "durationSec" INTEGER NOT NULL,
    "description" TEXT,
    "location" TEXT,
    "adminAccountId" TEXT NOT NULL,
    "adminUserId" TEXT NOT NULL,
    "settings" JSONB,
    "isRepeat" BOOLEAN NOT NULL DEFAULT false,
    "repeatType" INTEGER,
    "repeatInterval" INTEGER,
    "repeatUntil" TIMESTAMP(3),
    "remindBefore" JSONB,
    "calId" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'booked',
    "syncState" "SyncState" NOT NULL DEFAULT 'pending',
    "syncError" TEXT,
    "meetingCode" TEXT,
    "meetingLink" TEXT,
    "excessUsers" JSONB,
    "createdById" TEXT,
    "lastSyncedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingParticipant" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "oaAccountId" TEXT,
    "wecomUserId" TEXT NOT NULL,
    "attendStatus" INTEGER,

    CONSTRAINT "MeetingParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallLog" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT,
    "appId" TEXT,
    "meetingId" TEXT,
    "operation" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "requestBody" TEXT,
    "responseBody" TEXT,
    "httpStatus" INTEGER,
    "errcode" INTEGER,
    "errmsg" TEXT,
    "error" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "actorUserId" TEXT,
    "source" "AuditSource" NOT NULL,
    "action" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "diff" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WecomToken" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tokenEnc" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WecomToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "lockedUntil" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "createdById" TEXT,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'booker',
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_tenantId_userId_key" ON "Membership"("tenantId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Corp_tenantId_corpId_key" ON "Corp"("tenantId", "corpId");

-- CreateIndex
CREATE INDEX "App_tenantId_idx" ON "App"("tenantId");

-- CreateIndex
CREATE INDEX "App_corpRowId_idx" ON "App"("corpRowId");

-- CreateIndex
CREATE INDEX "OaAccount_tenantId_name_idx" ON "OaAccount"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "OaAccount_tenantId_jobNumber_key" ON "OaAccount"("tenantId", "jobNumber");

-- CreateIndex
CREATE INDEX "Mapping_tenantId_idx" ON "Mapping"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "Mapping_corpRowId_oaAccountId_key" ON "Mapping"("corpRowId", "oaAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Mapping_corpRowId_wecomUserId_key" ON "Mapping"("corpRowId", "wecomUserId");

-- CreateIndex
CREATE INDEX "Meeting_tenantId_status_startAt_idx" ON "Meeting"("tenantId", "status", "startAt");

-- CreateIndex
CREATE INDEX "Meeting_tenantId_startAt_idx" ON "Meeting"("tenantId", "startAt");

-- CreateIndex
CREATE INDEX "Meeting_tenantId_appId_startAt_idx" ON "Meeting"("tenantId", "appId", "startAt");

-- CreateIndex
CREATE INDEX "Meeting_tenantId_adminAccountId_idx" ON "Meeting"("tenantId", "adminAccountId");

-- CreateIndex
CREATE INDEX "Meeting_tenantId_syncState_idx" ON "Meeting"("tenantId", "syncState");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_tenantId_idempotencyKey_key" ON "Meeting"("tenantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_appId_wecomMeetingId_key" ON "Meeting"("appId", "wecomMeetingId");

-- CreateIndex
CREATE INDEX "MeetingParticipant_oaAccountId_idx" ON "MeetingParticipant"("oaAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingParticipant_meetingId_role_wecomUserId_key" ON "MeetingParticipant"("meetingId", "role", "wecomUserId");

-- CreateIndex
CREATE INDEX "CallLog_tenantId_createdAt_idx" ON "CallLog"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "CallLog_tenantId_operation_createdAt_idx" ON "CallLog"("tenantId", "operation", "createdAt");

-- CreateIndex
CREATE INDEX "CallLog_meetingId_idx" ON "CallLog"("meetingId");

-- CreateIndex
CREATE INDEX "CallLog_appId_createdAt_idx" ON "CallLog"("appId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_createdAt_idx" ON "AuditEvent"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_objectType_objectId_idx" ON "AuditEvent"("tenantId", "objectType", "objectId");

-- CreateIndex
CREATE UNIQUE INDEX "WecomToken_appId_kind_key" ON "WecomToken"("appId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_tenantId_idx" ON "ApiToken"("tenantId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Corp" ADD CONSTRAINT "Corp_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App" ADD CONSTRAINT "App_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App" ADD CONSTRAINT "App_corpRowId_fkey" FOREIGN KEY ("corpRowId") REFERENCES "Corp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OaAccount" ADD CONSTRAINT "OaAccount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_corpRowId_fkey" FOREIGN KEY ("corpRowId") REFERENCES "Corp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mapping" ADD CONSTRAINT "Mapping_oaAccountId_fkey" FOREIGN KEY ("oaAccountId") REFERENCES "OaAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_adminAccountId_fkey" FOREIGN KEY ("adminAccountId") REFERENCES "OaAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_oaAccountId_fkey" FOREIGN KEY ("oaAccountId") REFERENCES "OaAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallLog" ADD CONSTRAINT "CallLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallLog" ADD CONSTRAINT "CallLog_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallLog" ADD CONSTRAINT "CallLog_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WecomToken" ADD CONSTRAINT "WecomToken_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
