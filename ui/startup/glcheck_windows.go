//go:build windows

package startup

// The OpenGL check before Fyne starts: a hidden window gets a WGL context the
// way GLFW makes its first one, and glGetString tells the version. GDI's
// built-in "GDI Generic" renderer (what remote desktop sessions, VMs without
// 3D acceleration and PCs without a vendor driver have) answers 1.1.

import (
	"fmt"
	"runtime"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32                = windows.NewLazySystemDLL("user32.dll")
	gdi32                 = windows.NewLazySystemDLL("gdi32.dll")
	procGetModuleHandleW  = kernel32.NewProc("GetModuleHandleW")
	procRegisterClassExW  = user32.NewProc("RegisterClassExW")
	procUnregisterClassW  = user32.NewProc("UnregisterClassW")
	procCreateWindowExW   = user32.NewProc("CreateWindowExW")
	procDestroyWindow     = user32.NewProc("DestroyWindow")
	procDefWindowProcW    = user32.NewProc("DefWindowProcW")
	procGetDC             = user32.NewProc("GetDC")
	procReleaseDC         = user32.NewProc("ReleaseDC")
	procChoosePixelFormat = gdi32.NewProc("ChoosePixelFormat")
	procSetPixelFormat    = gdi32.NewProc("SetPixelFormat")

	// Not a system-only load on purpose: like GLFW (LoadLibraryA), the
	// standard search order finds a Mesa opengl32.dll put beside
	// bientap.exe before the one in System32, and the check must judge the
	// library the window will use.
	opengl32             = windows.NewLazyDLL("opengl32.dll")
	procWglCreateContext = opengl32.NewProc("wglCreateContext")
	procWglMakeCurrent   = opengl32.NewProc("wglMakeCurrent")
	procWglDeleteContext = opengl32.NewProc("wglDeleteContext")
	procGlGetString      = opengl32.NewProc("glGetString")
)

const (
	csOwnDC          = 0x0020
	wsOverlapped     = 0x00CF0000 // WS_OVERLAPPEDWINDOW
	wsClipSiblings   = 0x04000000
	wsClipChildren   = 0x02000000
	pfdDrawToWindow  = 0x00000004
	pfdSupportOpenGL = 0x00000020
	pfdDoubleBuffer  = 0x00000001
	pfdTypeRGBA      = 0
	glVendor         = 0x1F00
	glRenderer       = 0x1F01
	glVersionName    = 0x1F02
)

type wndClassEx struct {
	Size       uint32
	Style      uint32
	WndProc    uintptr
	ClsExtra   int32
	WndExtra   int32
	Instance   uintptr
	Icon       uintptr
	Cursor     uintptr
	Background uintptr
	MenuName   *uint16
	ClassName  *uint16
	IconSm     uintptr
}

type pixelFormatDescriptor struct {
	Size                                                           uint16
	Version                                                        uint16
	Flags                                                          uint32
	PixelType, ColorBits                                           byte
	RedBits, RedShift, GreenBits, GreenShift, BlueBits, BlueShift  byte
	AlphaBits, AlphaShift                                          byte
	AccumBits, AccumRedBits, AccumGreenBits, AccumBlueBits, AccumA byte
	DepthBits, StencilBits, AuxBuffers, LayerType, Reserved        byte
	LayerMask, VisibleMask, DamageMask                             uint32
}

var defWindowProc = windows.NewCallback(func(hwnd, msg, wparam, lparam uintptr) uintptr {
	r, _, _ := procDefWindowProcW.Call(hwnd, msg, wparam, lparam)
	return r
})

// probeOpenGL makes a throw-away OpenGL context in a hidden window and reads
// the driver's version, renderer and vendor.
func probeOpenGL() (p glProbe) {
	runtime.LockOSThread() // a WGL context is current on one thread
	defer runtime.UnlockOSThread()
	defer func() {
		if r := recover(); r != nil { // a broken driver DLL must not take the app down here
			p = glProbe{Failure: fmt.Sprintf("trình điều khiển OpenGL gặp lỗi khi kiểm tra (%v)", r)}
		}
	}()

	if err := opengl32.Load(); err != nil {
		return glProbe{Failure: fmt.Sprintf("không nạp được opengl32.dll (%v)", err)}
	}
	inst, _, _ := procGetModuleHandleW.Call(0)
	className, _ := windows.UTF16PtrFromString("BienTapGLProbe")
	wc := wndClassEx{Style: csOwnDC, WndProc: defWindowProc, Instance: inst, ClassName: className}
	wc.Size = uint32(unsafe.Sizeof(wc))
	if r, _, err := procRegisterClassExW.Call(uintptr(unsafe.Pointer(&wc))); r == 0 {
		return glProbe{Failure: fmt.Sprintf("không tạo được cửa sổ thử (%v)", err)}
	}
	defer procUnregisterClassW.Call(uintptr(unsafe.Pointer(className)), inst)

	hwnd, _, err := procCreateWindowExW.Call(0, uintptr(unsafe.Pointer(className)), uintptr(unsafe.Pointer(className)),
		wsOverlapped|wsClipSiblings|wsClipChildren, 0, 0, 64, 64, 0, 0, inst, 0)
	if hwnd == 0 {
		return glProbe{Failure: fmt.Sprintf("không tạo được cửa sổ thử (%v)", err)}
	}
	defer procDestroyWindow.Call(hwnd)
	hdc, _, _ := procGetDC.Call(hwnd)
	if hdc == 0 {
		return glProbe{Failure: "không lấy được vùng vẽ của cửa sổ thử"}
	}
	defer procReleaseDC.Call(hwnd, hdc)

	pfd := pixelFormatDescriptor{Version: 1, Flags: pfdDrawToWindow | pfdSupportOpenGL | pfdDoubleBuffer,
		PixelType: pfdTypeRGBA, ColorBits: 24, AlphaBits: 8, DepthBits: 24, StencilBits: 8}
	pfd.Size = uint16(unsafe.Sizeof(pfd))
	format, _, _ := procChoosePixelFormat.Call(hdc, uintptr(unsafe.Pointer(&pfd)))
	if format == 0 {
		return glProbe{Failure: "trình điều khiển đồ họa không hỗ trợ OpenGL (không có định dạng điểm ảnh nào dùng được)"}
	}
	if r, _, err := procSetPixelFormat.Call(hdc, format, uintptr(unsafe.Pointer(&pfd))); r == 0 {
		return glProbe{Failure: fmt.Sprintf("trình điều khiển đồ họa không nhận định dạng điểm ảnh OpenGL (%v)", err)}
	}
	ctx, _, err := procWglCreateContext.Call(hdc)
	if ctx == 0 {
		return glProbe{Failure: fmt.Sprintf("trình điều khiển đồ họa không tạo được ngữ cảnh OpenGL (%v)", err)}
	}
	defer procWglDeleteContext.Call(ctx)
	if r, _, err := procWglMakeCurrent.Call(hdc, ctx); r == 0 {
		return glProbe{Failure: fmt.Sprintf("trình điều khiển đồ họa không kích hoạt được ngữ cảnh OpenGL (%v)", err)}
	}
	defer procWglMakeCurrent.Call(0, 0)

	return glProbe{Version: glString(glVersionName), Renderer: glString(glRenderer), Vendor: glString(glVendor)}
}

func glString(name uintptr) string {
	r, _, _ := procGlGetString.Call(name)
	if r == 0 {
		return ""
	}
	var p *byte
	*(*uintptr)(unsafe.Pointer(&p)) = r // a C string owned by the driver
	return windows.BytePtrToString(p)
}
