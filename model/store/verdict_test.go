package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestVerifiedRemembersPassingChecks: a read-only command reuses the
// verdict of a check that passed while the archive's files are unchanged,
// checks again after any change, and still finds damage done after a
// passing check.
func TestVerifiedRemembersPassingChecks(t *testing.T) {
	cache := filepath.Join(t.TempDir(), "kiem-tra.json")
	old := verdictFile
	verdictFile = func() string { return cache }
	t.Cleanup(func() { verdictFile = old })

	path := filepath.Join(t.TempDir(), "v.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fillArchive(t, st, 300, 2000)
	st.Close()

	steps := []struct {
		name       string
		change     func()
		wantReused bool
		wantErr    error
	}{
		{"first command checks", nil, false, nil},
		{"unchanged: verdict reused", nil, true, nil},
		{"after a save: checks again", func() {
			st, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			fillArchive(t, st, 1, 100)
			st.Close()
		}, false, nil},
		{"unchanged again", nil, true, nil},
		{"an empty WAL a read-only reader left: reused", func() {
			if err := os.WriteFile(path+"-wal", nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}, true, nil},
		{"overwritten pages: damage found", func() { damage(t, path, 3) }, false, ErrDamaged},
		{"still damaged: never reused", nil, false, ErrDamaged},
	}
	for _, step := range steps {
		if step.change != nil {
			step.change()
		}
		st, err := Open(path)
		if err != nil {
			if step.wantErr != nil && errors.Is(err, step.wantErr) {
				continue // refused at open: as good as the warning
			}
			t.Fatalf("%s: open: %v", step.name, err)
		}
		reused, err := st.Verified()
		st.Close()
		if reused != step.wantReused {
			t.Errorf("%s: reused = %v, want %v", step.name, reused, step.wantReused)
		}
		if (step.wantErr == nil) != (err == nil) || (step.wantErr != nil && !errors.Is(err, step.wantErr)) {
			t.Errorf("%s: err = %v, want %v", step.name, err, step.wantErr)
		}
	}
}
