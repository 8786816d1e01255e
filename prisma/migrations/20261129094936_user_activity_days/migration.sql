-- CreateTable
CREATE TABLE "user_activity_days" (
    "day" DATE NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "user_activity_days_pkey" PRIMARY KEY ("day","user_id")
);

-- CreateIndex
CREATE INDEX "user_activity_days_user_id_idx" ON "user_activity_days"("user_id");

-- AddForeignKey
ALTER TABLE "user_activity_days" ADD CONSTRAINT "user_activity_days_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
