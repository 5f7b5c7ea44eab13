package legacy

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"bientap/model/vntext"
)

// fuzzWords are real words and numbers as they stand in office text.
var fuzzWords = append(strings.Fields(strings.Join(sentences, " ")), vietWords...)

var fuzzPunct = []string{" ", " ", " ", ", ", ". ", "; ", "? ", "! ", " - ", ": ", "\n", "\r\n", " (", ") "}

// vietText builds valid Vietnamese Unicode text from fuzz bytes.
func vietText(pick []byte) string {
	var b strings.Builder
	for i := 0; i+1 < len(pick); i += 2 {
		w := fuzzWords[int(pick[i])*7%len(fuzzWords)]
		if pick[i+1]&0x80 != 0 {
			w = strings.ToUpper(w)
		}
		b.WriteString(w)
		b.WriteString(fuzzPunct[int(pick[i+1]&0x7F)%len(fuzzPunct)])
	}
	return b.String()
}

func checkOutput(t *testing.T, what, out string) {
	t.Helper()
	if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) {
		t.Fatalf("%s: output %q is not valid NFC UTF-8", what, out)
	}
}

func checkReport(t *testing.T, what string, rep Report) {
	t.Helper()
	if rep.Detail == "" || strings.Contains(rep.Detail, "\n") || rep.Confidence < 0 || rep.Confidence > 1 {
		t.Fatalf("%s: bad report %+v", what, rep)
	}
}

var allEncodings = []Encoding{Auto, UTF8, TCVN3, VNI, VIQR, CP1258}

func FuzzConvertString(f *testing.F) {
	for _, s := range []string{"B¶o Th¾ng", "chaøo baïn", "Vie^.t Nam la` mo^.t ddu+o+`ng", "Hello? Yes.",
		"Tôi là ai", "Việt Nam\nB¶o\n", "Ng\u00ADêi", "Viêòt Nam cuÒa", "\xff\xfe", "e\u0301\u0323"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		inLines := strings.Split(s, "\n")
		for _, e := range allEncodings {
			out, rep := ConvertString(s, e)
			checkOutput(t, e.String(), out)
			checkReport(t, e.String(), rep)
			// Lines holding Vietnamese Unicode letters are never changed.
			outLines := strings.Split(out, "\n")
			if len(outLines) != len(inLines) {
				t.Fatalf("%v: %d lines in, %d out", e, len(inLines), len(outLines))
			}
			for i, line := range inLines {
				if strings.IndexFunc(line, isVietRune) >= 0 && outLines[i] != vntext.Clean(line) {
					t.Fatalf("%v: Unicode line %q became %q", e, line, outLines[i])
				}
			}
		}
		// Valid Vietnamese text, precomposed or decomposed, is left alone.
		text := vietText([]byte(s))
		for _, in := range []string{text, norm.NFD.String(text)} {
			if out, rep := ConvertString(in, Auto); out != text || rep.Encoding != UTF8 {
				t.Fatalf("ConvertString(%q) = %q (%+v)", in, out, rep)
			}
		}
	})
}

func FuzzDecodeBytes(f *testing.F) {
	for _, s := range []string{"B\xB6o Th\xBEng", "cha\xF8o ba\xEFn", "Vi\xEA\xF2t", "\xEF\xBB\xBFabc",
		"\xFF\xFEa\x00", "\xFE\xFF\x00a\x00", "a\x00b\x00c\x00", "Việt Nam", "\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, e := range allEncodings {
			out, rep, err := DecodeBytes(b, e)
			if err != nil {
				if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") {
					t.Fatalf("%v: bad error %q", e, msg)
				}
				continue
			}
			checkOutput(t, e.String(), out)
			checkReport(t, e.String(), rep)
		}
		text := vietText(b)
		utf16le := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(text)) {
			utf16le = append(utf16le, byte(u), byte(u>>8))
		}
		for _, in := range [][]byte{[]byte(text), []byte(norm.NFD.String(text)), append([]byte("\xEF\xBB\xBF"), text...), utf16le} {
			if out, rep, err := DecodeBytes(in, Auto); err != nil || out != text || rep.Encoding != UTF8 {
				t.Fatalf("DecodeBytes(%q) = %q (%+v), %v", in, out, rep, err)
			}
		}
	})
}

// FuzzRoundTrip encodes valid text in each legacy encoding and reads it back
// with the encoding named. TCVN3 cannot carry every capital, so its case is
// not compared.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("ab\x01\x02\x03\x84\x05\x86\x07\x08"))
	f.Fuzz(func(t *testing.T, pick []byte) {
		text := vietText(pick)
		check := func(e Encoding, raw []byte, fold bool) {
			got, _, err := DecodeBytes(raw, e)
			if err != nil {
				if len(raw) == 0 || strings.IndexByte(string(raw), 0) >= 0 {
					return
				}
				t.Fatalf("%v: %v", e, err)
			}
			if fold {
				got, text := strings.ToLower(got), strings.ToLower(text)
				if got != text {
					t.Fatalf("%v: %q came back as %q", e, text, got)
				}
			} else if got != text {
				t.Fatalf("%v: %q came back as %q", e, text, got)
			}
		}
		check(TCVN3, encodeTCVN3(t, text), true)
		check(VNI, encodeVNI(t, text), false)
		check(CP1258, encodeCP1258(t, text), false)
		check(VIQR, []byte(encodeVIQR(t, text)), false)
		if got, _ := ConvertString(latin1(encodeTCVN3(t, text)), TCVN3); strings.ToLower(got) != strings.ToLower(text) {
			t.Fatalf("TCVN3 pasted: %q came back as %q", text, got)
		}
	})
}
