package model

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// MaxJSONLLine bounds one line of a JSON Lines archive (one record with its
// images in base64), so that reading an archive takes bounded memory whatever
// its size, and a file without line ends (/dev/zero) is refused quickly.
const MaxJSONLLine = 64 << 20

// JSONLReader reads a JSON Lines archive one record at a time: memory holds
// one line, never the file. Blank lines are skipped; a UTF-8 BOM and CRLF
// line ends are accepted. Errors name the line: "dòng 12: …".
type JSONLReader struct {
	br     *bufio.Reader
	line   int   // number of the last line read
	offset int64 // bytes consumed
	buf    []byte
	err    error
}

// NewJSONLReader reads records from r.
func NewJSONLReader(r io.Reader) *JSONLReader {
	return &JSONLReader{br: bufio.NewReaderSize(r, 256<<10)}
}

// Line is the number of the line the last record (or error) came from.
func (jr *JSONLReader) Line() int { return jr.line }

// Offset is how many bytes of the input were consumed: progress.
func (jr *JSONLReader) Offset() int64 { return jr.offset }

// Next returns the next record, or io.EOF after the last one. After an
// error it keeps returning that error.
func (jr *JSONLReader) Next() (*Record, error) {
	if jr.err != nil {
		return nil, jr.err
	}
	for {
		line, err := jr.readLine()
		if err != nil {
			jr.err = err
			return nil, err
		}
		if jr.line == 1 {
			line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		rec, err := UnmarshalRecordJSON(line, nil)
		if err != nil {
			jr.err = fmt.Errorf("dòng %d: %w", jr.line, err)
			return nil, jr.err
		}
		return rec, nil
	}
}

// readLine returns the next line without its end, at most MaxJSONLLine
// bytes; io.EOF when the input is exhausted.
func (jr *JSONLReader) readLine() ([]byte, error) {
	jr.buf = jr.buf[:0]
	if cap(jr.buf) > 4<<20 {
		jr.buf = nil // one huge line does not pin its buffer for the rest
	}
	for {
		chunk, err := jr.br.ReadSlice('\n')
		jr.offset += int64(len(chunk))
		if len(jr.buf)+len(chunk) > MaxJSONLLine+2 {
			jr.line++
			return nil, fmt.Errorf("dòng %d dài quá %d MB (tệp không phải JSON Lines, hoặc một bản ghi quá lớn)", jr.line, MaxJSONLLine>>20)
		}
		switch {
		case err == nil:
			jr.line++
			if len(jr.buf) == 0 {
				return chunk, nil // the reader's buffer, valid until the next read
			}
			jr.buf = append(jr.buf, chunk...)
			return jr.buf, nil
		case errors.Is(err, bufio.ErrBufferFull):
			jr.buf = append(jr.buf, chunk...)
		case errors.Is(err, io.EOF):
			jr.buf = append(jr.buf, chunk...)
			if len(jr.buf) == 0 {
				return nil, io.EOF
			}
			jr.line++
			return jr.buf, nil
		default:
			return nil, fmt.Errorf("đọc dòng %d không được: %w", jr.line+1, ioError(err))
		}
	}
}

// ParseJSONL reads a whole JSON Lines archive into memory, all or nothing:
// the first line that does not parse is reported with its number and nothing
// is returned. It suits small archives (the sample data); the store's import
// streams large ones with a JSONLReader.
func ParseJSONL(r io.Reader) ([]*Record, error) {
	jr := NewJSONLReader(r)
	var recs []*Record
	for {
		rec, err := jr.Next()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return nil, err
		}
		recs = append(recs, rec)
	}
}

// ioError keeps an I/O error wrapped for errors.Is while its text stays
// Vietnamese.
func ioError(err error) error {
	return fmt.Errorf("%w", vietnameseError{err, "lỗi đọc tệp"})
}

// vietnameseError wraps a library error under a Vietnamese text.
type vietnameseError struct {
	err  error
	text string
}

func (e vietnameseError) Error() string { return e.text }
func (e vietnameseError) Unwrap() error { return e.err }

// jsonError puts encoding/json's (and base64's) English into one Vietnamese
// phrase.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var b64 base64.CorruptInputError
	switch {
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "unexpected end"):
		return vietnameseError{err, "JSON bị cắt cụt (thiếu dấu đóng } hoặc \")"}
	case errors.As(err, &syn):
		return vietnameseError{err, fmt.Sprintf("JSON sai cú pháp ở ký tự thứ %d", syn.Offset)}
	case errors.As(err, &typ) && typ.Field == "":
		return vietnameseError{err, "mỗi dòng phải là một đối tượng JSON {…}"}
	case errors.As(err, &typ):
		return vietnameseError{err, fmt.Sprintf("khóa %q sai kiểu: là %s, cần %s", typ.Field, jsonKind(typ.Value), goKind(typ.Type.String()))}
	case errors.As(err, &b64):
		return vietnameseError{err, fmt.Sprintf("dữ liệu ảnh (khóa \"data\") không phải base64 hợp lệ (lỗi ở ký tự thứ %d)", int64(b64))}
	}
	return vietnameseError{err, "JSON không hợp lệ"}
}

func jsonKind(v string) string {
	switch {
	case v == "string":
		return "chuỗi"
	case v == "object":
		return "đối tượng"
	case v == "array":
		return "danh sách"
	case v == "bool":
		return "true/false"
	case strings.HasPrefix(v, "number"):
		return "số"
	}
	return v
}

func goKind(t string) string {
	switch t {
	case "string":
		return "chuỗi"
	case "int64":
		return "số nguyên"
	case "[]string":
		return "danh sách chuỗi"
	case "[]uint8":
		return "chuỗi base64"
	case "[]model.jsonImage":
		return "danh sách ảnh"
	case "model.jsonImage":
		return "đối tượng ảnh"
	}
	return t
}

// IsJSONLName reports whether a file name says JSON Lines (.jsonl, .ndjson).
func IsJSONLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".jsonl" || ext == ".ndjson"
}
