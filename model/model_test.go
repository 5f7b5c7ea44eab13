package model

import (
	"strings"
	"testing"
	"time"
)

func TestParseKindAndStatus(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
		ok   bool
	}{
		{"news", KindNews, true}, {"thong-bao", KindThongBao, true}, {"Công văn", KindCongVan, true},
		{"quy-dinh", "quy-dinh", true}, {"thu-tinh", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		got, err := ParseKind(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v", tt.in, got, err)
		}
	}
	if KindQuyetDinh.Abbr() != "QĐ" || KindCongVan.Abbr() != "" || KindNews.IsDocument() || !KindGiayMoi.IsDocument() {
		t.Error("kind info wrong")
	}
	for _, s := range Statuses {
		if got, err := ParseStatus(s.Label()); err != nil || got != s {
			t.Errorf("ParseStatus(%q) = %q, %v", s.Label(), got, err)
		}
	}
	if _, err := ParseStatus("done"); err == nil {
		t.Error("unknown status accepted")
	}
}

func TestDiff(t *testing.T) {
	a := &Record{Kind: KindNews, Title: "Tiêu đề", Body: "Đoạn 1\nĐoạn 2\nĐoạn 3", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	b := a.Clone()
	b.Body = "Đoạn 1\nĐoạn hai\nĐoạn 3\nĐoạn 4"
	b.Date = b.Date.AddDate(0, 0, 1)
	changes := Diff(a, b)
	if len(changes) != 2 || changes[0].Field != "Nội dung" || changes[1].Field != "Ngày" {
		t.Fatalf("Diff = %v", changes)
	}
	var ops []string
	for _, l := range changes[0].Lines {
		ops = append(ops, [...]string{"=", "+", "-"}[l.Op]+l.Text)
	}
	if got := strings.Join(ops, "|"); got != "=Đoạn 1|-Đoạn 2|+Đoạn hai|=Đoạn 3|+Đoạn 4" {
		t.Errorf("line diff %s", got)
	}
	if changes[1].Old != "02/01/2026" || changes[1].New != "03/01/2026" {
		t.Errorf("date change %+v", changes[1])
	}
	if len(Diff(a, a.Clone())) != 0 {
		t.Error("a record differs from its clone")
	}
}

func TestSettingsClampAndSign(t *testing.T) {
	s := Settings{MarginTop: 5, MarginLeft: 40, LineSpacing: 2, PDFFont: "comic", Theme: "blue"}
	s.Clamp()
	if s.MarginTop != MarginTopMin || s.MarginLeft != MarginLeftMax || s.LineSpacing != LineSpacingMax ||
		s.MarginBottom != 22.5 || s.PDFFont != "liberation" || s.Theme != "system" {
		t.Errorf("Clamp: %+v", s)
	}
	s.UnitAbbr = "UBND"
	if s.SignFor(KindKeHoach) != "KH-UBND" || s.SignFor(KindCongVan) != "UBND" {
		t.Errorf("SignFor: %q %q", s.SignFor(KindKeHoach), s.SignFor(KindCongVan))
	}
}
