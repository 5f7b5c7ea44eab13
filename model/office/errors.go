package office

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// Kinds of failure a desk meets, for errors.Is. Every error this package
// returns carries one of them and reads as one Vietnamese line.
var (
	// ErrOffline: the server cannot be reached, stopped answering or dropped
	// the connection. The desk goes on offline and syncs later.
	ErrOffline = errors.New("kho chung không kết nối được")
	// ErrAuth: wrong user name or password, or no permission to connect.
	ErrAuth = errors.New("sai tên đăng nhập hoặc mật khẩu")
	// ErrSchema: the database holds no office archive, or one of another
	// schema version than this program understands.
	ErrSchema = errors.New("lược đồ kho chung không hợp")
	// ErrRefused: the server refused the change (the user's role does not
	// allow it, or the number is taken).
	ErrRefused = errors.New("kho chung từ chối")
	// ErrCanceled: the user cancelled.
	ErrCanceled = errors.New("đã hủy")
)

// Error is a failure talking to the office archive: one Vietnamese line for
// the clerk, the kind for the program, the driver's error for the curious.
type Error struct {
	Kind error
	Msg  string
	Err  error
}

func (e *Error) Error() string   { return e.Msg }
func (e *Error) Unwrap() []error { return []error{e.Kind, e.Err} }

// Describe turns a driver or network error met while talking to the server
// named where ("kho chung vp@10.0.0.5:5432/vanphong") into an *Error.
// An *Error passes through unchanged.
func Describe(where string, err error) error {
	if err == nil {
		return nil
	}
	var oe *Error
	if errors.As(err, &oe) {
		return oe
	}
	mk := func(kind error, format string, args ...any) error {
		return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Err: err}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return mk(ErrAuth, "%s: sai tên đăng nhập hoặc mật khẩu (hoặc máy này không được phép kết nối)", where)
		case "3D000":
			return mk(ErrSchema, "%s: máy chủ không có cơ sở dữ liệu này", where)
		case "42P01", "3F000":
			return mk(ErrSchema, "%s: cơ sở dữ liệu chưa có kho chung Biên Tập (nhờ quản trị chạy bientap server init)", where)
		case "42501":
			if strings.HasPrefix(pe.Message, "permission denied") {
				return mk(ErrRefused, "%s: người dùng không có quyền làm việc này (vai trò chưa được cấp)", where)
			}
			return mk(ErrRefused, "%s", oneLine(pe.Message))
		case "23505", "P0002", "22023", "42710", "23503":
			return mk(ErrRefused, "%s", oneLine(pe.Message))
		case "57P01", "57P02", "57P03":
			return mk(ErrOffline, "%s: máy chủ đang tắt hoặc khởi động lại; làm việc ngoại tuyến, đồng bộ lại sau", where)
		case "57014":
			return mk(ErrOffline, "%s: máy chủ không trả lời kịp; làm việc ngoại tuyến, đồng bộ lại sau", where)
		case "55P03", "40001", "40P01":
			return mk(ErrOffline, "%s: kho chung đang bận; thử đồng bộ lại sau ít phút", where)
		case "53300":
			return mk(ErrOffline, "%s: máy chủ hết chỗ kết nối; thử lại sau", where)
		}
		return mk(ErrOffline, "%s: máy chủ báo lỗi %s: %s", where, pe.Code, oneLine(pe.Message))
	}
	if errors.Is(err, context.Canceled) {
		return mk(ErrCanceled, "đã hủy")
	}
	var ue x509.UnknownAuthorityError
	var he x509.HostnameError
	var ce x509.CertificateInvalidError
	var rh tls.RecordHeaderError
	switch {
	case errors.As(err, &ue):
		return mk(ErrOffline, "%s: chứng chỉ TLS của máy chủ không do CA đã khai báo ký (sslrootcert)", where)
	case errors.As(err, &he):
		return mk(ErrOffline, "%s: chứng chỉ TLS của máy chủ không mang tên máy chủ đã nhập", where)
	case errors.As(err, &ce):
		return mk(ErrOffline, "%s: chứng chỉ TLS của máy chủ không hợp lệ (hết hạn?)", where)
	case errors.As(err, &rh), strings.Contains(err.Error(), "server refused TLS connection"):
		return mk(ErrOffline, "%s: máy chủ không nhận kết nối TLS (sslmode)", where)
	}
	if pgconn.Timeout(err) || errors.Is(err, context.DeadlineExceeded) {
		return mk(ErrOffline, "%s: máy chủ không trả lời (quá thời gian chờ); làm việc ngoại tuyến", where)
	}
	var ne *net.OpError
	var de *net.DNSError
	if errors.As(err, &de) {
		return mk(ErrOffline, "%s: không tìm thấy máy chủ %s; làm việc ngoại tuyến", where, de.Name)
	}
	var ce2 *pgconn.ConnectError
	if errors.As(err, &ce2) || errors.As(err, &ne) && ne.Op == "dial" {
		if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT) || errors.As(err, &ne) {
			return mk(ErrOffline, "%s: không kết nối được máy chủ (máy chủ tắt hoặc mạng không thông); làm việc ngoại tuyến", where)
		}
		return mk(ErrOffline, "%s: không kết nối được máy chủ; làm việc ngoại tuyến", where)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.As(err, &ne) ||
		strings.Contains(err.Error(), "conn closed") || pgconn.SafeToRetry(err) {
		return mk(ErrOffline, "%s: mất kết nối giữa chừng; phần đã đồng bộ được giữ, lần sau làm tiếp", where)
	}
	return mk(ErrOffline, "%s: lỗi kết nối: %s", where, oneLine(err.Error()))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// IsConnection reports whether err is a connection failure (not a refusal):
// the kind worth retrying a moment later.
func IsConnection(err error) bool {
	return errors.Is(err, ErrOffline) && !errors.Is(err, context.Canceled)
}
