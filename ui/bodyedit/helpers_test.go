package bodyedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bientap/model/vntext"
)

func vnFold(s string) string { return vntext.Fold(s) }

func newTestEntry() *widget.Entry { return widget.NewEntry() }

func vbox(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(objs...)
}
