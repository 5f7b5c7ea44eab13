package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // decode JPEG pictures
	_ "image/png"  // decode PNG pictures
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bientap/model"
	"bientap/model/importer"
	"bientap/model/vntext"
)

// Picture limits checked when a clerk picks a file.
const (
	maxPictureBytes  = 20 << 20
	maxPicturePixels = 40_000_000
)

// pictureExts are the picture files the clerk may pick.
var pictureExts = []string{".jpg", ".jpeg", ".png", ".JPG", ".JPEG", ".PNG"}

// pictureField is the record's featured picture (its first image) with
// its caption; it also holds the record's other images, which the body
// refers to by name.
type pictureField struct {
	svc *services
	// pick asks the clerk for a picture file.
	pick     func(then func(path string))
	onChange func()

	images  []model.Image // the record's pictures, featured first
	thumb   *canvas.Image
	thumbBx *fyne.Container
	info    *widget.Label
	caption *textEntry
	remove  *widget.Button
	box     fyne.CanvasObject
	loading bool
}

func newPictureField(svc *services, pick func(then func(path string))) *pictureField {
	p := &pictureField{svc: svc, pick: pick}
	p.thumb = canvas.NewImageFromResource(nil)
	p.thumb.FillMode = canvas.ImageFillContain
	p.thumb.SetMinSize(fyne.NewSize(200, 120))
	p.thumbBx = container.NewStack(p.thumb)
	p.thumbBx.Hide()
	p.info = widget.NewLabel("Chưa có ảnh đại diện")
	p.info.Wrapping = fyne.TextWrapWord
	p.caption = newTextEntry(svc)
	p.caption.SetPlaceHolder("Chú thích ảnh")
	p.caption.OnChanged = func(s string) {
		if p.loading {
			return
		}
		if len(p.images) > 0 {
			p.images[0].Caption = s
		}
		p.changed()
	}
	p.remove = widget.NewButtonWithIcon("Bỏ ảnh", theme.DeleteIcon(), p.onRemove)
	buttons := container.NewHBox(widget.NewButtonWithIcon("Chọn ảnh…", theme.FileImageIcon(), p.onPick), p.remove)
	p.box = container.NewVBox(sectionTitle("Ảnh đại diện"), p.thumbBx, p.info, buttons, p.caption)
	return p
}

func (p *pictureField) changed() {
	if p.onChange != nil {
		p.onChange()
	}
}

// fill shows a record's images without marking it changed.
func (p *pictureField) fill(images []model.Image) {
	p.loading = true
	defer func() { p.loading = false }()
	p.images = slices.Clone(images)
	p.show()
}

// collected are the images as the record keeps them, captions normalised.
func (p *pictureField) collected() []model.Image {
	var out []model.Image
	for _, im := range p.images {
		im.Caption = normLine(im.Caption)
		im.Data = slices.Clone(im.Data)
		out = append(out, im)
	}
	return out
}

// show shows the featured picture (the first image) or why not.
func (p *pictureField) show() {
	loading := p.loading
	p.loading = true
	defer func() { p.loading = loading }()
	if len(p.images) == 0 {
		p.thumbBx.Hide()
		p.thumb.Resource = nil
		p.info.Importance = widget.MediumImportance
		p.info.SetText("Chưa có ảnh đại diện")
		p.remove.Disable()
		p.caption.SetText("")
		p.caption.Disable()
		return
	}
	im := p.images[0]
	p.remove.Enable()
	p.caption.Enable()
	if p.caption.Text != im.Caption {
		p.caption.SetText(im.Caption)
	}
	w, h, err := pictureSize(im.Data)
	if err != nil {
		p.thumbBx.Hide()
		p.thumb.Resource = nil
		p.info.Importance = widget.DangerImportance
		p.info.SetText(fmt.Sprintf("Ảnh %s hỏng, không hiển thị được: %v. Hãy chọn lại ảnh.", im.Name, err))
		return
	}
	p.thumb.Resource = fyne.NewStaticResource(im.Name, im.Data)
	p.thumb.Refresh()
	p.thumbBx.Show()
	p.info.Importance = widget.MediumImportance
	p.info.SetText(fmt.Sprintf("%s · %s×%s · %s", im.Name, vntext.Number(w), vntext.Number(h), byteSize(len(im.Data))))
}

// choose asks for a picture file, reads and checks it, and hands it on.
func (p *pictureField) choose(then func(name string, data []byte, mediaType string)) {
	p.pick(func(path string) {
		name, data, mt, err := readPicture(path)
		if err != nil {
			p.svc.showError(err)
			return
		}
		then(name, data, mt)
	})
}

func (p *pictureField) onPick() {
	p.choose(func(_ string, data []byte, mediaType string) {
		if len(p.images) > 0 {
			// Keep the name the body may refer to.
			p.images[0].Data, p.images[0].MediaType = data, mediaType
		} else {
			p.images = append(p.images, model.Image{Name: p.newImageName(mediaType), MediaType: mediaType, Data: data})
		}
		p.show()
		p.changed()
	})
}

func (p *pictureField) onRemove() {
	if len(p.images) == 0 {
		return
	}
	p.images = p.images[1:]
	p.show()
	p.changed()
}

// add adds a picture to the record's images and returns its name.
func (p *pictureField) add(data []byte, mediaType string) string {
	im := model.Image{Name: p.newImageName(mediaType), MediaType: mediaType, Data: data}
	p.images = append(p.images, im)
	p.show()
	return im.Name
}

// newImageName names a new picture of the record: anh-N.jpg, unused.
func (p *pictureField) newImageName(mediaType string) string {
	for i := len(p.images); ; i++ {
		name := model.DefaultImageName(i, mediaType)
		if !slices.ContainsFunc(p.images, func(im model.Image) bool { return im.Name == name }) {
			return name
		}
	}
}

// readPicture reads a picture file the clerk picked and checks it. It reads
// as the importer does (importer.ReadFile): a pipe or a device is refused
// before anything is read, so a FIFO picked by mistake cannot hang the
// window, and a larger file is refused from its size.
func readPicture(path string) (name string, data []byte, mediaType string, err error) {
	name = filepath.Base(path)
	data, err = importer.ReadFile(path, maxPictureBytes)
	if err != nil {
		return name, nil, "", fmt.Errorf("ảnh %s: %w", name, err)
	}
	mediaType, err = checkPicture(name, data)
	return name, data, mediaType, err
}

// errBrokenPicture is what a picture whose data does not decode gives.
var errBrokenPicture = errors.New("không đọc được dữ liệu ảnh")

// pictureSize reads a picture's dimensions from its header.
func pictureSize(data []byte) (int, int, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0, errBrokenPicture
	}
	return cfg.Width, cfg.Height, nil
}

// byteSize writes a file size: "850 byte", "22 KB", "1,5 MB".
func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return vntext.Decimal(float64(n)/(1<<20), 1) + " MB"
	case n >= 1<<10:
		return vntext.Number(n>>10) + " KB"
	}
	return vntext.Number(n) + " byte"
}

// checkPicture validates a picture file's content: JPEG or PNG, not too
// big, readable. The error is one Vietnamese line.
func checkPicture(name string, data []byte) (mediaType string, err error) {
	if len(data) == 0 {
		return "", fmt.Errorf("tệp %s rỗng", name)
	}
	if len(data) > maxPictureBytes {
		return "", fmt.Errorf("ảnh %s quá lớn (hơn %s)", name, byteSize(maxPictureBytes))
	}
	mt := model.SniffImageType(data)
	if mt == "" {
		return "", fmt.Errorf("tệp %s không phải ảnh JPEG hoặc PNG", name)
	}
	w, h, err := pictureSize(data)
	if err != nil {
		return "", fmt.Errorf("ảnh %s hỏng: %w", name, err)
	}
	if w*h > maxPicturePixels {
		return "", fmt.Errorf("ảnh %s quá lớn (%s×%s điểm ảnh)", name, vntext.Number(w), vntext.Number(h))
	}
	return mt, nil
}
