-- The reference gateway's schema as the gateway of issue 19 made it (tools/gateway/GatewayStore.cpp,
-- kSchema, at commit 92a8be3), for the migration test of issue 20. Do not change: it is history.
CREATE TABLE IF NOT EXISTS terminals (id text PRIMARY KEY, checkpoint_key text NOT NULL, head_seq bigint NOT NULL DEFAULT 0, head_chain bytea, first_seen timestamptz NOT NULL DEFAULT now(), last_seen timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS records (id uuid PRIMARY KEY, terminal_id text NOT NULL, seq bigint NOT NULL, created_ms bigint NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), kind text NOT NULL, valid boolean NOT NULL, reason text NOT NULL, venue_id text NOT NULL, chain_hash bytea NOT NULL, body jsonb NOT NULL);
CREATE INDEX IF NOT EXISTS records_terminal_seq ON records (terminal_id, seq);
ALTER TABLE records ADD COLUMN IF NOT EXISTS target uuid;
CREATE INDEX IF NOT EXISTS records_target ON records (target) WHERE target IS NOT NULL;
CREATE TABLE IF NOT EXISTS checkpoints (terminal_id text NOT NULL, seq bigint NOT NULL, chain_hash bytea NOT NULL, created_ms bigint NOT NULL, signature bytea NOT NULL, PRIMARY KEY (terminal_id, seq));
CREATE TABLE IF NOT EXISTS flags (id bigserial PRIMARY KEY, terminal_id text NOT NULL, seq bigint NOT NULL, kind text NOT NULL, detail text NOT NULL, at timestamptz NOT NULL DEFAULT now());

