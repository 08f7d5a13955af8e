-- Single sign-on with an organisation's own identity provider (schema/src/auth/singleSignOn/).
CREATE TABLE "organisation_single_sign_on" (
    "organisationId" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecret" TEXT NOT NULL,
    "emailDomains" TEXT[],
    "passwordsDisabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "organisation_single_sign_on_pkey" PRIMARY KEY ("organisationId")
);
ALTER TABLE "organisation_single_sign_on" ADD CONSTRAINT "organisation_single_sign_on_organisationId_fkey"
  FOREIGN KEY ("organisationId") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "single_sign_on_identity" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "linkedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    CONSTRAINT "single_sign_on_identity_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "single_sign_on_identity_userId_key" ON "single_sign_on_identity"("userId");
CREATE UNIQUE INDEX "single_sign_on_identity_issuer_subject_key" ON "single_sign_on_identity"("issuer", "subject");
ALTER TABLE "single_sign_on_identity" ADD CONSTRAINT "single_sign_on_identity_userId_fkey"
  FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "single_sign_on_attempt" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "organisationId" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    CONSTRAINT "single_sign_on_attempt_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "single_sign_on_attempt_tokenHash_key" ON "single_sign_on_attempt"("tokenHash");
CREATE INDEX "single_sign_on_attempt_expiresAt_idx" ON "single_sign_on_attempt"("expiresAt");
