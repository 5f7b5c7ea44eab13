package store

// extern long long sqlite3_memory_used(void);
import "C"

import (
	"context"
	"database/sql"
	"time"
)

// ReleaseMemory hands back the page caches of the archive's idle
// connections (PRAGMA shrink_memory). Each connection keeps up to 2 MB of
// the pages its last queries read, however long it then sits in the pool:
// a search over a large archive, or its count, leaves that much resident
// in a window that shows twenty rows. The pages a later query needs come
// back from the system's file cache in microseconds. Connections in use
// are left alone; the caller picks a quiet moment (the window does it a
// second after its last work).
func (s *Store) ReleaseMemory() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	idle := s.db.Stats().Idle
	// All of them are held at once so that each Conn is another idle one.
	conns := make([]*sql.Conn, 0, idle)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range idle {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return // closed meanwhile, or busy: nothing to hand back now
		}
		conns = append(conns, c)
		c.ExecContext(ctx, "PRAGMA shrink_memory")
	}
}

// MemoryUsed is the memory SQLite holds in this process, for all the
// archives it has open (sqlite3_memory_used): page caches, schemas,
// statements. The window's profile reports it (BIENTAP_PROFILE).
func MemoryUsed() int64 { return int64(C.sqlite3_memory_used()) }
