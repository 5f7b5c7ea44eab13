package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// rawConn reads long runs of short rows (a search's keys, a walk along the
// list index) through the go-sqlite3 driver itself, on one connection:
// database/sql's locking, conversions and Scan per row cost twice what
// SQLite spends producing the row.
type rawConn struct {
	ctx  context.Context
	conn *sqlite3.SQLiteConn
}

// withRaw runs f on one connection of the pool, through the driver.
func (s *Store) withRaw(ctx context.Context, f func(rc rawConn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return translate(err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return errors.New("store: not a go-sqlite3 connection")
		}
		return f(rawConn{ctx, c})
	})
}

// namedArgs turns query arguments into the driver's (ints as int64).
func namedArgs(args []any) []driver.NamedValue {
	named := make([]driver.NamedValue, len(args))
	for i, a := range args {
		if n, ok := a.(int); ok {
			a = int64(n)
		}
		named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return named
}

// each runs query and calls f with each row's values (valid until f returns).
func (rc rawConn) each(query string, args []any, f func(vals []driver.Value) error) error {
	rows, err := rc.conn.QueryContext(rc.ctx, query, namedArgs(args))
	if err != nil {
		return translate(err)
	}
	defer rows.Close()
	vals := make([]driver.Value, len(rows.Columns()))
	for {
		err := rows.Next(vals)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return translate(err)
		}
		if err := f(vals); err != nil {
			return err
		}
	}
}

// rawStmt is a statement prepared on a rawConn, for one row per call.
type rawStmt struct {
	ctx  context.Context
	stmt driver.StmtQueryContext
	vals []driver.Value
}

func (rc rawConn) prepare(query string) (*rawStmt, error) {
	st, err := rc.conn.PrepareContext(rc.ctx, query)
	if err != nil {
		return nil, translate(err)
	}
	return &rawStmt{ctx: rc.ctx, stmt: st.(driver.StmtQueryContext), vals: make([]driver.Value, st.NumInput())}, nil
}

func (st *rawStmt) close() { st.stmt.(driver.Stmt).Close() }

// row runs the statement and returns its first row's values (nil: none).
func (st *rawStmt) row(args ...any) ([]driver.Value, error) {
	rows, err := st.stmt.QueryContext(st.ctx, namedArgs(args))
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	if len(st.vals) != len(rows.Columns()) {
		st.vals = make([]driver.Value, len(rows.Columns()))
	}
	switch err := rows.Next(st.vals); err {
	case nil:
		return st.vals, nil
	case io.EOF:
		return nil, nil
	default:
		return nil, translate(err)
	}
}

// text is a TEXT value as the driver gives it.
func text(v driver.Value) string {
	switch t := v.(type) {
	case string:
		return t
	case []byte:
		return string(t)
	}
	return ""
}
