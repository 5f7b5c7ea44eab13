package vntext

import (
	"strings"
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		err  string // part of the error message; "" when it parses
	}{
		{"15/8/2022", day(2022, 8, 15), ""},
		{"15/08/2022", day(2022, 8, 15), ""},
		{"15-8-2022", day(2022, 8, 15), ""},
		{"15.8.2022", day(2022, 8, 15), ""},
		{"  5 / 1 / 2020 ", day(2020, 1, 5), ""},
		{"2022-08-15", day(2022, 8, 15), ""},
		{"1/2/2023", day(2023, 2, 1), ""}, // day first, never US order
		{"29/2/2024", day(2024, 2, 29), ""},
		{"ngày 05 tháng 01 năm 2020", day(2020, 1, 5), ""},
		{"Ngày 29 tháng 6 năm 2019", day(2019, 6, 29), ""},
		{"31/2/2023", time.Time{}, "ngày không tồn tại: 31/02/2023"},
		{"29/2/2023", time.Time{}, "ngày không tồn tại: 29/02/2023"},
		{"15/13/2022", time.Time{}, "ngày không tồn tại: 15/13/2022"},
		{"0/1/2022", time.Time{}, "ngày không tồn tại"},
		{"2023-02-30", time.Time{}, "ngày không tồn tại: 30/02/2023"},
		{"15/8/22", time.Time{}, "năm phải đủ 4 chữ số"},
		{"15/8-2022", time.Time{}, "ngày không hợp lệ"},
		{"hôm qua", time.Time{}, "ngày không hợp lệ"},
		{"", time.Time{}, "chưa nhập ngày"},
		{"15/8/0999", time.Time{}, "ngày không tồn tại"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("ParseDate(%q): %v", tt.in, err)
		case tt.err == "" && !got.Equal(tt.want):
			t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
		case tt.err == "" && got.Location() != time.UTC:
			t.Errorf("ParseDate(%q) not UTC", tt.in)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseDate(%q) error = %v, want it to contain %q", tt.in, err, tt.err)
		}
	}
}

func TestDecreeAndPlaceDate(t *testing.T) {
	tests := []struct {
		t             time.Time
		decree, place string
	}{
		{day(2020, 1, 5), "ngày 05 tháng 01 năm 2020", "Lai Châu, ngày 05 tháng 01 năm 2020"},
		{day(2019, 6, 29), "ngày 29 tháng 6 năm 2019", "Lai Châu, ngày 29 tháng 6 năm 2019"},
		{day(2022, 8, 15), "ngày 15 tháng 8 năm 2022", "Lai Châu, ngày 15 tháng 8 năm 2022"},
		{day(2021, 2, 10), "ngày 10 tháng 02 năm 2021", "Lai Châu, ngày 10 tháng 02 năm 2021"},
		{day(2021, 12, 9), "ngày 09 tháng 12 năm 2021", "Lai Châu, ngày 09 tháng 12 năm 2021"},
		{day(2021, 3, 1), "ngày 01 tháng 3 năm 2021", "Lai Châu, ngày 01 tháng 3 năm 2021"},
	}
	for _, tt := range tests {
		if got := DecreeDate(tt.t); got != tt.decree {
			t.Errorf("DecreeDate(%v) = %q, want %q", tt.t, got, tt.decree)
		}
		if got := PlaceDate(" Lai  Châu ", tt.t); got != tt.place {
			t.Errorf("PlaceDate = %q, want %q", got, tt.place)
		}
	}
	if got := PlaceDate("", day(2020, 1, 5)); got != "Ngày 05 tháng 01 năm 2020" {
		t.Errorf("PlaceDate without place = %q", got)
	}
}

func TestNewsListWeekday(t *testing.T) {
	tests := []struct {
		t             time.Time
		weekday, news string
		list          string
	}{
		{day(2022, 8, 15), "Thứ Hai", "Thứ Hai, 15/8/2022", "15/08/2022"},
		{day(2022, 8, 7), "Chủ nhật", "Chủ nhật, 7/8/2022", "07/08/2022"},
		{day(2021, 1, 27), "Thứ Tư", "Thứ Tư, 27/1/2021", "27/01/2021"},
		{day(2022, 8, 13), "Thứ Bảy", "Thứ Bảy, 13/8/2022", "13/08/2022"},
		{day(2022, 8, 12), "Thứ Sáu", "Thứ Sáu, 12/8/2022", "12/08/2022"},
	}
	for _, tt := range tests {
		if got := Weekday(tt.t); got != tt.weekday {
			t.Errorf("Weekday(%v) = %q, want %q", tt.t, got, tt.weekday)
		}
		if got := NewsDate(tt.t); got != tt.news {
			t.Errorf("NewsDate(%v) = %q, want %q", tt.t, got, tt.news)
		}
		if got := ListDate(tt.t); got != tt.list {
			t.Errorf("ListDate(%v) = %q, want %q", tt.t, got, tt.list)
		}
	}
}

func TestParseNewsDateLine(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time // zero: not a dateline
	}{
		{"Thứ hai 15/8/2022", day(2022, 8, 15)},
		{"Thứ Hai, 15/08/2022", day(2022, 8, 15)},
		{"THỨ HAI, 15/08/2022", day(2022, 8, 15)},
		{"Chủ nhật, 7/8/2022 - 09:30", day(2022, 8, 7)},
		{"(27/01/2021)", day(2021, 1, 27)},
		{"  Thứ 5, 18/8/2022 14:05 (GMT+7)", day(2022, 8, 18)},
		{"T2, 15-8-2022", day(2022, 8, 15)},
		{"15/8/2022", day(2022, 8, 15)},
		{"Ngày 15/8/2022", day(2022, 8, 15)},
		{"Thứ Hai, 31/2/2022", time.Time{}},
		{"Hội nghị diễn ra ngày 15/8/2022 tại tỉnh", time.Time{}},
		{"Số 15/8/2022-QĐ", time.Time{}},
		{"Thứ Hai", time.Time{}},
		{"15/8-2022", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := ParseNewsDateLine(tt.in)
		if ok != !tt.want.IsZero() || (ok && !got.Equal(tt.want)) {
			t.Errorf("ParseNewsDateLine(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestCheckPlaceDate(t *testing.T) {
	tests := []struct {
		in, fixed string
		ok        bool
	}{
		{"Lai Châu, ngày 05 tháng 01 năm 2020", "Lai Châu, ngày 05 tháng 01 năm 2020", true},
		{"Lai Châu, ngày 29 tháng 6 năm 2019", "Lai Châu, ngày 29 tháng 6 năm 2019", true},
		{"Ngày 05 tháng 01 năm 2020", "Ngày 05 tháng 01 năm 2020", true},
		{"Lai Châu, ngày 5 tháng 1 năm 2020", "Lai Châu, ngày 05 tháng 01 năm 2020", false},
		{"Lai Châu, ngày 29 tháng 06 năm 2019", "Lai Châu, ngày 29 tháng 6 năm 2019", false},
		{"Lai Châu ngày 15 tháng 8 năm 2022", "Lai Châu, ngày 15 tháng 8 năm 2022", false},
		{"Lai Châu, Ngày 15 tháng 8 năm 2022.", "Lai Châu, ngày 15 tháng 8 năm 2022", false},
		{"Lai  Châu,  ngày 15/8/2022", "Lai Châu, ngày 15 tháng 8 năm 2022", false},
		{"Thành phố Lào Cai, 05/01/2020", "Thành phố Lào Cai, ngày 05 tháng 01 năm 2020", false},
		{"Lai Châu, ngày\u00A015 tháng 8 năm 2022", "Lai Châu, ngày 15 tháng 8 năm 2022", false},
		{"ngày 9 tháng 2 năm 2021", "Ngày 09 tháng 02 năm 2021", false},
		{"Lai Châu, ngày 31 tháng 2 năm 2023", "", false},
		{"Quyết định có hiệu lực từ ngày 15 tháng 8 năm 2022.", "", false},
		{"Số 123/15/8/2022", "", false},
		{"Kính gửi: Ủy ban nhân dân các huyện", "", false},
	}
	for _, tt := range tests {
		fixed, ok := CheckPlaceDate(tt.in)
		if fixed != tt.fixed || ok != tt.ok {
			t.Errorf("CheckPlaceDate(%q) = %q, %v; want %q, %v", tt.in, fixed, ok, tt.fixed, tt.ok)
		}
		if IsDecreePlaceDate(tt.in) != tt.ok {
			t.Errorf("IsDecreePlaceDate(%q) != %v", tt.in, tt.ok)
		}
		if fixed != "" && !IsDecreePlaceDate(fixed) {
			t.Errorf("fixed form %q is not accepted", fixed)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"15/8/2022", "31/2/2023", "2022-08-15", "ngày 05 tháng 01 năm 2020",
		"1.1.1000", "29-2-2024", " 7 / 8 / 2022 ", "99/99/9999", "", "15/8/22"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if err.Error() == "" || strings.Contains(err.Error(), "\n") {
				t.Fatalf("bad error message %q", err)
			}
			return
		}
		if d.Hour() != 0 || d.Minute() != 0 || d.Location() != time.UTC {
			t.Fatalf("ParseDate(%q) = %v, not midnight UTC", s, d)
		}
		for _, form := range []string{ListDate(d), d.Format("2006-01-02"), DecreeDate(d),
			strings.TrimPrefix(NewsDate(d), Weekday(d)+", ")} {
			back, err := ParseDate(form)
			if err != nil || !back.Equal(d) {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v (from %q)", form, back, err, d, s)
			}
		}
		if back, ok := ParseNewsDateLine(NewsDate(d)); !ok || !back.Equal(d) {
			t.Fatalf("ParseNewsDateLine(%q) = %v, %v", NewsDate(d), back, ok)
		}
		if fixed, ok := CheckPlaceDate(PlaceDate("Lai Châu", d)); !ok || fixed != PlaceDate("Lai Châu", d) {
			t.Fatalf("CheckPlaceDate(%q) = %q, %v", PlaceDate("Lai Châu", d), fixed, ok)
		}
	})
}
