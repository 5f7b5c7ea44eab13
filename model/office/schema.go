package office

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// migrations bring the office schema from version i to i+1. Never edit a
// released one: append a file and a line here.
var migrations = []string{
	"sql/001_archive.sql",
}

// SchemaVersion is the office schema version this program speaks. A desk
// refuses a server of another version (a newer one with "update Biên Tập").
var SchemaVersion = len(migrations)

// serverSchema reads the archive's schema version: 0 when the database has
// no office archive.
func serverSchema(ctx context.Context, pg *pgx.Conn) (int, error) {
	var exists bool
	if err := pg.QueryRow(ctx, "SELECT to_regclass('bientap.schema_version') IS NOT NULL").Scan(&exists); err != nil {
		return 0, err
	}
	if !exists {
		return 0, nil
	}
	var v int
	err := pg.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM bientap.schema_version").Scan(&v)
	return v, err
}

// InitResult tells what Init did.
type InitResult struct {
	From, To int // schema versions before and after
}

// Init creates the office schema and roles in the database of cfg, or
// upgrades them forward, each step in one transaction. cfg's user needs the
// right to create roles and a schema (the IT department's account); it
// becomes the archive's owner. A server of a newer schema is left alone.
func Init(ctx context.Context, cfg Config) (InitResult, error) {
	pg, err := dial(ctx, cfg)
	if err != nil {
		return InitResult{}, err
	}
	defer pg.Close(context.Background())
	where := cfg.Where()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	from, err := serverSchema(ctx, pg)
	if err != nil {
		return InitResult{}, Describe(where, err)
	}
	res := InitResult{From: from, To: from}
	if from > SchemaVersion {
		return res, &Error{Kind: ErrSchema, Msg: fmt.Sprintf("%s: kho chung dùng lược đồ phiên bản %d, bản Biên Tập này chỉ hiểu đến %d; hãy cập nhật Biên Tập", where, from, SchemaVersion)}
	}
	for v := from; v < SchemaVersion; v++ {
		script, err := sqlFiles.ReadFile(migrations[v])
		if err != nil {
			return res, err
		}
		err = pgx.BeginFunc(ctx, pg, func(tx pgx.Tx) error {
			// Two inits at once: the second waits, then sees the work done.
			if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(7371626160)"); err != nil {
				return err
			}
			now, err := serverSchema(ctx, tx.Conn())
			if err != nil || now > v {
				return err
			}
			if _, err := tx.Exec(ctx, string(script)); err != nil {
				return err
			}
			_, err = tx.Exec(ctx, "INSERT INTO bientap.schema_version (version) VALUES ($1)", v+1)
			return err
		})
		if err != nil {
			var pe *pgconn.PgError
			if errors.As(err, &pe) && (pe.Code == "42501" || pe.Code == "42P06") {
				return res, &Error{Kind: ErrRefused, Err: err, Msg: fmt.Sprintf(
					"%s: người dùng %s không đủ quyền tạo lược đồ và vai trò (cần quyền CREATEROLE và tạo schema): %s",
					where, cfg.User(), oneLine(pe.Message))}
			}
			return res, Describe(where, err)
		}
		res.To = v + 1
	}
	return res, nil
}
