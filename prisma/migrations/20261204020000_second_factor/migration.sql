-- Multi-factor sign-in (schema/src/auth/secondFactor): a TOTP code after the password for everyone
-- whose roles can read a child's record, with one-time recovery codes. On for every partnership
-- unless its administrator turns it off.
ALTER TABLE "partnership" ADD COLUMN "secondFactorRequired" BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE "user"
  ADD COLUMN "secondFactorEnrolledAt" TIMESTAMPTZ(3),
  ADD COLUMN "secondFactorLastStep" INTEGER,
  ADD COLUMN "secondFactorFailures" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "secondFactorPausedUntil" TIMESTAMPTZ(3);

CREATE TABLE "second_factor_challenge" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sessionMode" TEXT NOT NULL,
    "pendingSecret" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    CONSTRAINT "second_factor_challenge_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "second_factor_challenge_tokenHash_key" ON "second_factor_challenge"("tokenHash");
CREATE INDEX "second_factor_challenge_userId_idx" ON "second_factor_challenge"("userId");
ALTER TABLE "second_factor_challenge" ADD CONSTRAINT "second_factor_challenge_userId_partnershipId_fkey"
  FOREIGN KEY ("userId", "partnershipId") REFERENCES "user"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "recovery_code" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMPTZ(3),
    "replacedAt" TIMESTAMPTZ(3),
    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "recovery_code_userId_idx" ON "recovery_code"("userId");
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_userId_partnershipId_fkey"
  FOREIGN KEY ("userId", "partnershipId") REFERENCES "user"("id", "partnershipId") ON DELETE RESTRICT ON UPDATE CASCADE;
