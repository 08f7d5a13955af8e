-- CreateTable
CREATE TABLE "account_invitation" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "account_invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "account_invitation_tokenHash_key" ON "account_invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "account_invitation_userId_idx" ON "account_invitation"("userId");

-- AddForeignKey
ALTER TABLE "account_invitation" ADD CONSTRAINT "account_invitation_userId_partnershipId_fkey" FOREIGN KEY ("userId", "partnershipId") REFERENCES "user"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;
