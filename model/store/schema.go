package store

import (
	"fmt"
)

// migrations are applied in order; migration i brings the schema from
// user_version i to i+1. Never edit a released migration: append a new one.
var migrations = []func(tx *wtx) error{
	migrateV1,
	migrateSearchKey,
	migrateSync,
}

func (s *Store) migrate(from int) error {
	for v := from; v < len(migrations); v++ {
		err := s.tx(func(tx *wtx) error {
			if from > 0 { // a new archive is made at once: nothing to report
				tx.progress = s.upgrade
			}
			if err := migrations[v](tx); err != nil {
				return err
			}
			_, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", v+1, applicationID))
			return err
		})
		if err != nil {
			return fmt.Errorf("nâng cấp lược đồ lên %d: %w", v+1, err)
		}
	}
	return nil
}

func migrateV1(tx *wtx) error {
	_, err := tx.Exec(`
CREATE TABLE records (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	title TEXT NOT NULL DEFAULT '',
	summary TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL DEFAULT '',
	category TEXT NOT NULL DEFAULT '',
	author TEXT NOT NULL DEFAULT '',
	place TEXT NOT NULL DEFAULT '',
	date TEXT NOT NULL,
	number TEXT NOT NULL DEFAULT '',
	sign TEXT NOT NULL DEFAULT '',
	urgency TEXT NOT NULL DEFAULT '',
	agency_parent TEXT NOT NULL DEFAULT '',
	agency TEXT NOT NULL DEFAULT '',
	signer_authority TEXT NOT NULL DEFAULT '',
	signer_position TEXT NOT NULL DEFAULT '',
	signer_name TEXT NOT NULL DEFAULT '',
	to_list TEXT NOT NULL DEFAULT '[]',
	recipients TEXT NOT NULL DEFAULT '[]',
	url TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL,
	trashed_from TEXT NOT NULL DEFAULT '',
	created TEXT NOT NULL,
	updated TEXT NOT NULL
);
-- The list's indexes end with the filter columns so that counts and
-- filtered pages are answered from the index without reading records.
CREATE INDEX records_by_date ON records(date DESC, id DESC, status, kind);
CREATE INDEX records_by_status ON records(status, date DESC, id DESC, kind);
CREATE INDEX records_by_kind ON records(kind, date DESC, id DESC, status);
CREATE INDEX records_by_category ON records(category, date DESC, id DESC, status, kind);
-- Duplicate checks on import look up (title, date) through records_by_date:
-- a day holds few records, so no index of whole titles is needed.
CREATE INDEX records_by_number ON records(substr(date, 1, 4), sign, number) WHERE sign != '';

-- Image data is stored once per content (sha256), so revisions and autosave
-- snapshots reference images without copying them.
CREATE TABLE blobs (
	hash TEXT PRIMARY KEY,
	data BLOB NOT NULL
);
CREATE TABLE images (
	record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
	pos INTEGER NOT NULL,
	name TEXT NOT NULL,
	caption TEXT NOT NULL DEFAULT '',
	media_type TEXT NOT NULL,
	hash TEXT NOT NULL REFERENCES blobs(hash),
	PRIMARY KEY (record_id, pos)
);
CREATE INDEX images_by_hash ON images(hash);

-- Every explicit save appends a full snapshot (interchange JSON, images by hash).
CREATE TABLE revisions (
	id INTEGER PRIMARY KEY,
	record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
	created TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	snapshot TEXT NOT NULL
);
CREATE INDEX revisions_by_record ON revisions(record_id, id);

-- One recovery slot per record; record_id 0 is the new record not yet saved.
CREATE TABLE autosave (
	record_id INTEGER PRIMARY KEY,
	saved TEXT NOT NULL,
	snapshot TEXT NOT NULL
);

-- Document number series: the last number given per year and ký hiệu.
CREATE TABLE series (
	year INTEGER NOT NULL,
	sign TEXT NOT NULL,
	last INTEGER NOT NULL,
	PRIMARY KEY (year, sign)
);

CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Search index over folded text (see search.go). docid orders by date, so
-- the newest matches come first without sorting.
-- No prefix index here: it doubles the cost of indexing a body, and the first
-- page of a search as you type comes from search_title, which has one.
CREATE VIRTUAL TABLE search USING fts4(title, summary, body, tags, order=DESC);
-- Titles alone, for the first tier of ranked results: its doclists are
-- short, so a page of title matches costs little even for common words.
CREATE VIRTUAL TABLE search_title USING fts4(title, tags, prefix="2", order=DESC);
-- Merge index segments incrementally as records are written.
INSERT INTO search(search) VALUES('automerge=8');
INSERT INTO search_title(search_title) VALUES('automerge=8');
`)
	return err
}
