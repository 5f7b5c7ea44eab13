package store

// migrateSync adds what a desk needs to sync with an office archive
// (model/officesync): the desk's membership and pull position, the global id
// and versions of each record, deletions not yet sent, conflicts, and who
// made each revision.
//
// Local changes are tracked by triggers rather than by every write path in
// the store: a record's local_rev moves whenever its row is inserted or
// updated while tracking is on (sync_state 'track' = '1', set when the desk
// joins; applying what the server sent turns it off inside that
// transaction). A desk that never joined pays one key lookup per write.
func migrateSync(tx *wtx) error {
	_, err := tx.Exec(`
CREATE TABLE sync_state (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- One row per record known to the office archive or waiting to go there.
CREATE TABLE sync_records (
	record_id INTEGER PRIMARY KEY,
	gid TEXT NOT NULL UNIQUE,            -- the record's id office-wide
	base INTEGER NOT NULL DEFAULT 0,     -- server edit version the local copy is based on (0: never on the server)
	pulled INTEGER NOT NULL DEFAULT 0,   -- server feed version of the record when last pulled
	local_rev INTEGER NOT NULL DEFAULT 1,  -- moves on every local change
	pushed_rev INTEGER NOT NULL DEFAULT 0, -- the local_rev the server holds
	refused_rev INTEGER NOT NULL DEFAULT 0, -- the local_rev the server refused (not sent again until changed)
	push_origin TEXT NOT NULL DEFAULT '',  -- the last push attempt, recognised when it comes back
	push_rev INTEGER NOT NULL DEFAULT 0    -- the local_rev that attempt carried
);
CREATE INDEX sync_records_pending ON sync_records(record_id) WHERE local_rev > pushed_rev;

-- Records emptied from the trash here, to be deleted on the server.
CREATE TABLE sync_deleted (
	gid TEXT PRIMARY KEY,
	base INTEGER NOT NULL
);

-- Conflicts and refusals the clerk should look at. The losing text is kept
-- as a revision of the record (revision_id).
CREATE TABLE sync_conflicts (
	id INTEGER PRIMARY KEY,
	record_id INTEGER NOT NULL,
	kind TEXT NOT NULL,              -- conflict, refused, deleted
	created TEXT NOT NULL,
	revision_id INTEGER,
	other TEXT NOT NULL DEFAULT '',  -- who made the change that won
	message TEXT NOT NULL DEFAULT '',
	resolved TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(record_id) WHERE resolved = '';

-- Who made each revision (the desk's user, or the author the server names),
-- and its id on the server once it is there.
ALTER TABLE revisions ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN server_id INTEGER;
CREATE UNIQUE INDEX revisions_by_server_id ON revisions(server_id) WHERE server_id IS NOT NULL;
CREATE INDEX revisions_unsent ON revisions(record_id) WHERE server_id IS NULL;

CREATE TRIGGER sync_track_insert AFTER INSERT ON records
WHEN (SELECT value FROM sync_state WHERE key = 'track') = '1'
BEGIN
	INSERT INTO sync_records (record_id, gid) VALUES (NEW.id, lower(hex(randomblob(16))))
	ON CONFLICT (record_id) DO UPDATE SET local_rev = local_rev + 1;
END;

CREATE TRIGGER sync_track_update AFTER UPDATE ON records
WHEN (SELECT value FROM sync_state WHERE key = 'track') = '1'
BEGIN
	INSERT INTO sync_records (record_id, gid) VALUES (NEW.id, lower(hex(randomblob(16))))
	ON CONFLICT (record_id) DO UPDATE SET local_rev = local_rev + 1;
END;

CREATE TRIGGER sync_track_delete AFTER DELETE ON records
BEGIN
	INSERT OR REPLACE INTO sync_deleted (gid, base)
		SELECT gid, base FROM sync_records WHERE record_id = OLD.id AND base > 0
		AND (SELECT value FROM sync_state WHERE key = 'track') = '1';
	DELETE FROM sync_records WHERE record_id = OLD.id;
	DELETE FROM sync_conflicts WHERE record_id = OLD.id;
END;

CREATE TRIGGER sync_revision_author AFTER INSERT ON revisions
WHEN NEW.author = '' AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'user')
BEGIN
	UPDATE revisions SET author = (SELECT value FROM sync_state WHERE key = 'user') WHERE id = NEW.id;
END;
`)
	return err
}
