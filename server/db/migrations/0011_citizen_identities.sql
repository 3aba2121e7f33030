CREATE TABLE "citizen_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizen_identities" ADD CONSTRAINT "citizen_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_identities_issuer_subject_key" ON "citizen_identities" USING btree ("issuer","subject");--> statement-breakpoint
CREATE INDEX "citizen_identities_user_idx" ON "citizen_identities" USING btree ("user_id");--> statement-breakpoint
-- Hand-written: identity links are for citizen accounts only (staff sign in with their own credentials).
CREATE OR REPLACE FUNCTION citizen_identities_citizen_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id AND kind = 'citizen') THEN
    RAISE EXCEPTION 'identity links are for citizen accounts only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER citizen_identities_citizen_only BEFORE INSERT OR UPDATE ON citizen_identities
  FOR EACH ROW EXECUTE FUNCTION citizen_identities_citizen_only();
