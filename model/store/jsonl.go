package store

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"bientap/model"
)

// ExportJSONL writes the whole archive (every status, trash included) as
// JSON Lines: one record per line, images inline in base64, oldest id first.
func (s *Store) ExportJSONL(w io.Writer) (int, error) {
	rows, err := s.db.Query("SELECT id FROM records ORDER BY id")
	if err != nil {
		return 0, translate(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, translate(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	bw := bufio.NewWriter(w)
	for _, id := range ids {
		r, err := s.Get(id)
		if err != nil {
			return 0, err
		}
		line, err := model.MarshalRecordJSON(r, nil)
		if err != nil {
			return 0, err
		}
		bw.Write(line)
		bw.WriteByte('\n')
	}
	return len(ids), bw.Flush()
}

// ParseJSONL reads JSON Lines records. It is all or nothing: the first line
// that does not parse is reported with its number and nothing is returned.
// Blank lines are skipped; a UTF-8 BOM and CRLF line ends are accepted.
func ParseJSONL(r io.Reader) ([]*model.Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	var recs []*model.Record
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
		}
		if len(line) == 0 {
			continue
		}
		rec, err := model.UnmarshalRecordJSON(line, nil)
		if err != nil {
			return nil, fmt.Errorf("dòng %d: %w", n, err)
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("đọc tệp JSONL: %v", err)
	}
	return recs, nil
}

// ImportJSONL parses a JSON Lines archive and inserts every record in one
// transaction (all or nothing), returning the new ids. A record's id is kept
// when it is free in this archive.
func (s *Store) ImportJSONL(r io.Reader) ([]int64, error) {
	recs, err := ParseJSONL(r)
	if err != nil {
		return nil, err
	}
	return s.Insert(recs)
}
