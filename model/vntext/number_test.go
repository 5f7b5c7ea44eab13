package vntext

import "testing"

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1.000"}, {1234, "1.234"}, {100000, "100.000"},
		{1234567, "1.234.567"}, {-5, "-5"}, {-1234, "-1.234"}, {-100000, "-100.000"},
	} {
		if got := Number(c.n); got != c.want {
			t.Errorf("Number(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestDecimal(t *testing.T) {
	for _, c := range []struct {
		f    float64
		prec int
		want string
	}{
		{1.5, 1, "1,5"}, {2, 1, "2"}, {1234.5, 1, "1.234,5"}, {22.5, 2, "22,5"}, {0.25, 2, "0,25"},
		{-0.5, 1, "-0,5"}, {-1234.56, 2, "-1.234,56"}, {1.04, 1, "1"}, {99.96, 1, "100"},
	} {
		if got := Decimal(c.f, c.prec); got != c.want {
			t.Errorf("Decimal(%v, %d) = %q, want %q", c.f, c.prec, got, c.want)
		}
	}
}
