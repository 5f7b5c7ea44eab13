package cli

import (
	"strconv"

	"bientap/model"
	"bientap/model/store"
)

// Store opens the command's database once; it is closed when the command ends.
func (e *Env) Store() (*store.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	st, err := store.Open(e.DBPath)
	if err != nil {
		return nil, err
	}
	e.store = st
	e.onClose(st.Close)
	return st, nil
}

// record loads the record named by the command's one positional argument
// (its id), with the store it came from.
func (e *Env) record(pos []string) (*store.Store, *model.Record, error) {
	if len(pos) != 1 {
		return nil, nil, usageError("cần đúng một mã bản ghi")
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return nil, nil, usageError("mã bản ghi không hợp lệ %q (cần một số, ví dụ 12)", pos[0])
	}
	st, err := e.Store()
	if err != nil {
		return nil, nil, err
	}
	r, err := st.Get(id)
	if err != nil {
		return nil, nil, err
	}
	return st, r, nil
}
