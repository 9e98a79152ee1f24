-- Generated from src/diagnose/migrations.ts (version 1); test/unit/workers/d1-migrations.test.ts keeps them equal.
CREATE TABLE reports (
id TEXT PRIMARY KEY,
delete_token_hash TEXT NOT NULL,
domain TEXT NOT NULL,
created_at INTEGER NOT NULL,
expires_at INTEGER NOT NULL,
body TEXT NOT NULL
) STRICT;
CREATE INDEX reports_expires_at ON reports (expires_at);
CREATE TABLE verified_settings (
domain TEXT PRIMARY KEY,
created_at INTEGER NOT NULL,
expires_at INTEGER NOT NULL,
body TEXT NOT NULL
) STRICT;
CREATE INDEX verified_settings_expires_at ON verified_settings (expires_at);
