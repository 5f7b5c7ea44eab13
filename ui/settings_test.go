package ui

import (
	"bientap/model"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSettingsDialog(t *testing.T) {
	tu := newTestUI(t, true)
	tu.onSettings()
	d := tu.dialog("Cài đặt")
	sd := tu.settingsDlg
	sd.marginLeft.SetText("40")
	test.Tap(d.button("Lưu cài đặt"))
	if !sd.errLabel.Visible() || !strings.Contains(sd.errLabel.Text, "Lề trái") {
		t.Fatalf("out-of-range margin: %q", sd.errLabel.Text)
	}
	sd.marginLeft.SetText("32,5")
	sd.agency.SetText("  VĂN PHÒNG UBND TỈNH ")
	sd.series[model.KindThongBao].SetText("TB-VPUB")
	test.Tap(d.button("Lưu cài đặt"))
	tu.noDialog()
	got, _ := tu.st.LoadSettings()
	if got.MarginLeft != 32.5 || got.Agency != "VĂN PHÒNG UBND TỈNH" || got.SignFor(model.KindThongBao) != "TB-VPUB" {
		t.Fatalf("saved settings %+v", got)
	}
}
