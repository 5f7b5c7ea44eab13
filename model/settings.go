package model

import (
	"strings"

	"bientap/model/vntext"
)

// Settings are the office's preferences, kept inside the archive so that a
// copied database carries them. Every text is NFC (see Normalize).
type Settings struct {
	AgencyParent string `json:"agency_parent"` // cơ quan chủ quản, "UBND TỈNH LAI CHÂU"
	Agency       string `json:"agency"`        // cơ quan ban hành, "VĂN PHÒNG"
	UnitAbbr     string `json:"unit_abbr"`     // issuer abbreviation in signs, "UBND" or "VP"
	Place        string `json:"place"`         // địa danh, "Lai Châu"
	PortalName   string `json:"portal_name"`   // header of the news print view

	SignerAuthority string `json:"signer_authority"`
	SignerPosition  string `json:"signer_position"`
	SignerName      string `json:"signer_name"`
	Author          string `json:"author"`

	// Series maps a kind to the ký hiệu its numbers run under ("TB-UBND");
	// a kind without an entry uses DefaultSign.
	Series map[Kind]string `json:"series"`

	PDFFont      string  `json:"pdf_font"` // "liberation" (embedded) or "times" (installed Times New Roman)
	MarginTop    float64 `json:"margin_top"`
	MarginBottom float64 `json:"margin_bottom"`
	MarginLeft   float64 `json:"margin_left"`
	MarginRight  float64 `json:"margin_right"`
	LineSpacing  float64 `json:"line_spacing"`

	Theme string `json:"theme"` // "system", "light", "dark"

	BackupDir   string `json:"backup_dir"`
	BackupDaily bool   `json:"backup_daily"`
	BackupKeep  int    `json:"backup_keep"`
}

// Decree-30 ranges for the page settings (millimetres; line spacing factor).
const (
	MarginTopMin, MarginTopMax       = 20.0, 25.0
	MarginBottomMin, MarginBottomMax = 20.0, 25.0
	MarginLeftMin, MarginLeftMax     = 30.0, 35.0
	MarginRightMin, MarginRightMax   = 15.0, 20.0
	LineSpacingMin, LineSpacingMax   = 1.0, 1.5
)

// DefaultSettings are the values of a new archive.
func DefaultSettings() Settings {
	return Settings{
		AgencyParent: "UBND TỈNH LAI CHÂU", Agency: "VĂN PHÒNG", UnitAbbr: "VP", Place: "Lai Châu",
		PortalName:      "Cổng thông tin điện tử tỉnh Lai Châu",
		SignerAuthority: "", SignerPosition: "CHÁNH VĂN PHÒNG", SignerName: "",
		Author: DefaultAuthor, Series: map[Kind]string{},
		// The reference says: where Decree 30 gives a range, default to its middle.
		PDFFont: "liberation", MarginTop: 22.5, MarginBottom: 22.5, MarginLeft: 32.5, MarginRight: 17.5, LineSpacing: 1.25,
		Theme: "system", BackupKeep: 14,
	}
}

// SignFor is the ký hiệu a new document of kind k gets: the configured series,
// else the kind's abbreviation and the unit's ("TB-VP"); a công văn has only
// the unit's.
func (s Settings) SignFor(k Kind) string {
	if v := strings.TrimSpace(s.Series[k]); v != "" {
		return v
	}
	unit := strings.TrimSpace(s.UnitAbbr)
	if unit == "" {
		unit = "UBND"
	}
	if a := k.Abbr(); a != "" {
		return a + "-" + unit
	}
	return unit
}

// Clamp keeps the page settings inside the decree's ranges and fills zeros
// with defaults.
func (s *Settings) Clamp() {
	d := DefaultSettings()
	clamp := func(v *float64, lo, hi, def float64) {
		switch {
		case *v == 0:
			*v = def
		case *v < lo:
			*v = lo
		case *v > hi:
			*v = hi
		}
	}
	clamp(&s.MarginTop, MarginTopMin, MarginTopMax, d.MarginTop)
	clamp(&s.MarginBottom, MarginBottomMin, MarginBottomMax, d.MarginBottom)
	clamp(&s.MarginLeft, MarginLeftMin, MarginLeftMax, d.MarginLeft)
	clamp(&s.MarginRight, MarginRightMin, MarginRightMax, d.MarginRight)
	clamp(&s.LineSpacing, LineSpacingMin, LineSpacingMax, d.LineSpacing)
	if s.PDFFont != "times" {
		s.PDFFont = "liberation"
	}
	switch s.Theme {
	case "light", "dark":
	default:
		s.Theme = "system"
	}
	if s.BackupKeep <= 0 {
		s.BackupKeep = d.BackupKeep
	}
	if s.Series == nil {
		s.Series = map[Kind]string{}
	}
	if s.Author == "" {
		s.Author = DefaultAuthor
	}
}

// Normalize applies the boundary rules (NFC, trimmed) to every text setting.
func (s *Settings) Normalize() {
	for _, p := range []*string{&s.AgencyParent, &s.Agency, &s.UnitAbbr, &s.Place, &s.PortalName,
		&s.SignerAuthority, &s.SignerName, &s.Author, &s.BackupDir} {
		*p = strings.TrimSpace(vntext.Clean(*p))
	}
	s.SignerPosition = strings.TrimSpace(vntext.CleanLines(s.SignerPosition))
	for k, v := range s.Series {
		s.Series[k] = strings.TrimSpace(vntext.Clean(v))
	}
}
