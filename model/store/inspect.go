package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// header is what the first page of a SQLite file says, read with plain file
// I/O so that a file is judged before SQLite opens it: SQLite switches a
// file's journal mode (bytes 18–19) and leaves -wal/-shm files behind as soon
// as it opens one for writing, and a refused file must stay byte-identical.
type header struct {
	empty       bool // zero-length: a new archive
	wal         bool // journal mode WAL (file format versions 2)
	pageSize    int
	userVersion uint32
	appID       uint32
	emptySchema bool // page 1 is a leaf holding no schema entries
}

const sqliteMagic = "SQLite format 3\x00"

// readHeader reads path's SQLite header. It refuses what is not a regular
// file (a folder, a FIFO, /dev/zero) and what is not a SQLite database, in
// one Vietnamese phrase.
func readHeader(path string) (header, error) {
	st, err := os.Stat(path)
	if err != nil {
		return header{}, fileError(err)
	}
	if !st.Mode().IsRegular() {
		if st.IsDir() {
			return header{}, errors.New("đây là thư mục, không phải tệp cơ sở dữ liệu")
		}
		return header{}, errors.New("không phải tệp thông thường (thiết bị, ống dẫn…)")
	}
	f, err := os.Open(path)
	if err != nil {
		return header{}, fileError(err)
	}
	defer f.Close()
	b := make([]byte, 108)
	n, err := io.ReadFull(f, b)
	if n == 0 && (err == io.EOF || err == nil) {
		return header{empty: true}, nil
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return header{}, fileError(err)
	}
	if !bytes.HasPrefix(b[:n], []byte(sqliteMagic)) {
		return header{}, ErrNotSQLite
	}
	if n < len(b) {
		return header{}, fmt.Errorf("%w: tệp bị cắt cụt (%d byte)", ErrDamaged, n)
	}
	h := header{
		pageSize:    int(binary.BigEndian.Uint16(b[16:18])),
		userVersion: binary.BigEndian.Uint32(b[60:64]),
		appID:       binary.BigEndian.Uint32(b[68:72]),
	}
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	write, read := b[18], b[19]
	if read > 2 || write > 2 {
		return header{}, fmt.Errorf("%w (định dạng SQLite mới hơn)", ErrNewer)
	}
	h.wal = read == 2
	// Page 1 holds the schema table's root after the 100-byte file header:
	// a leaf table page (0x0D) with no cells is an empty schema.
	h.emptySchema = b[100] == 0x0D && binary.BigEndian.Uint16(b[103:105]) == 0
	return h, nil
}

// judge refuses a header that is not a Biên Tập archive this version can
// open: another program's database, or one made by a newer version.
func (h header) judge() error {
	if h.empty {
		return nil
	}
	if h.appID != applicationID {
		if h.appID != 0 || !h.emptySchema {
			return ErrNotSQLite
		}
		return nil // a new archive whose first migration did not run
	}
	if int(h.userVersion) > len(migrations) {
		return fmt.Errorf("%w (phiên bản lược đồ %d, ứng dụng này hiểu đến %d); hãy cập nhật Biên Tập", ErrNewer, h.userVersion, len(migrations))
	}
	return nil
}

// fileError says in Vietnamese why a file could not be read.
func fileError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return wrapText(err, "không có tệp này")
	case errors.Is(err, fs.ErrPermission):
		return wrapText(err, "không có quyền đọc tệp")
	}
	return wrapText(err, "không đọc được tệp")
}

// textError keeps a library error for errors.Is/As under a Vietnamese text.
type textError struct {
	err  error
	text string
}

func (e textError) Error() string { return e.text }
func (e textError) Unwrap() error { return e.err }

func wrapText(err error, text string) error { return textError{err, text} }
