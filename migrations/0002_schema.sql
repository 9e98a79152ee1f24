-- Generated from src/diagnose/migrations.ts (version 2); test/unit/workers/d1-migrations.test.ts keeps them equal.
ALTER TABLE reports ADD COLUMN login TEXT;
