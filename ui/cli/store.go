package cli

import (
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
