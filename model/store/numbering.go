package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"bientap/model"
	"bientap/model/decree"
)

// FormatNumber writes a document number the Decree-30 way (decree.PadNumber:
// below 10 with a leading zero, "05").
func FormatNumber(n int) string { return decree.PadNumber(strconv.Itoa(n)) }

// NextNumber gives the next number of the (year, ký hiệu) series: 01 on the
// first document of the year, then 02, … Assigning is atomic (one immediate
// transaction) and a number is never given twice in a year, even when
// numbers were typed by hand meanwhile.
func (s *Store) NextNumber(year int, sign string) (string, error) {
	sign = decree.SeriesKey(sign)
	var next int
	err := s.tx(func(tx *wtx) error {
		var last int
		err := tx.QueryRow("SELECT last FROM series WHERE year = ? AND sign = ?", year, sign).Scan(&last)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		// Numbers entered by hand in the same series count too.
		rows, err := tx.Query(`SELECT number FROM records WHERE substr(date, 1, 4) = ? AND sign = ? AND sign != ''`,
			fmt.Sprintf("%04d", year), sign)
		if err != nil {
			return err
		}
		for rows.Next() {
			var num string
			if err := rows.Scan(&num); err != nil {
				rows.Close()
				return err
			}
			if n, err := strconv.Atoi(strings.TrimSpace(num)); err == nil && n > last {
				last = n
			}
		}
		rows.Close()
		next = last + 1
		_, err = tx.Exec(`INSERT INTO series (year, sign, last) VALUES (?,?,?)
			ON CONFLICT(year, sign) DO UPDATE SET last = excluded.last`, year, sign, next)
		return err
	})
	if err != nil {
		return "", err
	}
	return FormatNumber(next), nil
}

// DuplicateNumbers returns the other records of the same year that carry the
// same number and ký hiệu from the same issuing agency as r (a hand-entered
// duplicate the clerk should be warned about).
func (s *Store) DuplicateNumbers(r *model.Record) ([]int64, error) {
	num := strings.TrimSpace(r.Number)
	if num == "" {
		return nil, nil
	}
	rows, err := s.db.Query(`SELECT id, number FROM records WHERE substr(date, 1, 4) = ? AND sign = ? AND sign != ''
		AND agency = ? AND id != ? AND status != 'trash'`,
		fmt.Sprintf("%04d", r.Date.Year()), strings.TrimSpace(r.Sign), strings.TrimSpace(r.Agency), r.ID)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	want, werr := strconv.Atoi(num)
	var ids []int64
	for rows.Next() {
		var id int64
		var n string
		if err := rows.Scan(&id, &n); err != nil {
			return nil, translate(err)
		}
		got, gerr := strconv.Atoi(strings.TrimSpace(n))
		if strings.TrimSpace(n) == num || (werr == nil && gerr == nil && got == want) {
			ids = append(ids, id)
		}
	}
	return ids, translate(rows.Err())
}
