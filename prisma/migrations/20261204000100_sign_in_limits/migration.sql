-- Sign-in throttling moves to rate-limiter-flexible's store: growing pauses per account and
-- address, per address and per account, instead of one lock per email an attacker could trigger.
DROP TABLE "login_throttle";

CREATE TABLE "sign_in_limit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMPTZ(3),
    CONSTRAINT "sign_in_limit_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "sign_in_limit_expire_idx" ON "sign_in_limit"("expire");
