// Command genicon draws resources/icon.png: a sheet of paper with text lines
// and a gold star on a red rounded square, and resources/icon-192.png, the
// same scaled down for the welcome panel. Run: go run ./scripts/genicon
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/draw"
)

func main() {
	const n = 512
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	red := color.RGBA{0xB7, 0x1C, 0x1C, 0xFF}
	paper := color.RGBA{0xFA, 0xF7, 0xF0, 0xFF}
	ink := color.RGBA{0x42, 0x42, 0x42, 0xFF}
	gold := color.RGBA{0xFF, 0xC1, 0x07, 0xFF}
	inRounded := func(x, y, x0, y0, x1, y1, r float64) bool {
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
	}
	star := func(x, y float64) bool { // five-pointed star centred at (390, 150)
		cx, cy, R, r := 388.0, 150.0, 70.0, 28.0
		a := math.Atan2(y-cy, x-cx) + math.Pi/2
		d := math.Hypot(x-cx, y-cy)
		seg := math.Mod(a+2*math.Pi, 2*math.Pi/5) / (2 * math.Pi / 5)
		t := math.Abs(seg-0.5) * 2
		return d <= r+(R-r)*t*t*0.9+(R-r)*0.1*t
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			switch {
			case !inRounded(fx, fy, 16, 16, 496, 496, 96):
				continue
			case star(fx, fy):
				img.Set(x, y, gold)
			case inRounded(fx, fy, 120, 96, 360, 424, 18):
				img.Set(x, y, paper)
				for i, w := range []float64{200, 200, 170, 200, 130} {
					ly := 190 + float64(i)*44
					if fy >= ly && fy < ly+14 && fx >= 152 && fx < 152+w {
						img.Set(x, y, ink)
					}
				}
				if fy >= 126 && fy < 146 && fx >= 152 && fx < 290 {
					img.Set(x, y, red)
				}
			default:
				img.Set(x, y, red)
			}
		}
	}
	write("resources/icon.png", img)
	// The welcome panel shows the icon at 96 units: twice that is sharp at a
	// scale of 2, and Fyne keeps an image decoded at its own size (1 MB for
	// the 512-pixel one, for the life of the window).
	small := image.NewRGBA(image.Rect(0, 0, 192, 192))
	draw.CatmullRom.Scale(small, small.Bounds(), img, img.Bounds(), draw.Src, nil)
	write("resources/icon-192.png", small)
}

func write(path string, img image.Image) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
