package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"

	"bientap/model/office"
	"bientap/model/secret"
)

func init() {
	register(command{name: "server init", usage: "URL", run: runServerInit})
	register(command{name: "server add-user", usage: "URL TÊN soan-thao|lanh-dao|van-thu|quan-tri", run: runAddUser})
}

// runServerInit creates or upgrades the office archive's schema and roles
// in the database of URL (a role that may create them: the IT account).
func runServerInit(env *Env, args []string) error {
	pos, err := parseInterleaved(newFlags("server init"), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("cần đúng một địa chỉ URL")
	}
	cfg, err := office.ParseServerURL(pos[0])
	if err != nil {
		return err
	}
	res, err := office.Init(context.Background(), cfg)
	if err != nil {
		return err
	}
	switch {
	case res.From == res.To:
		fmt.Fprintf(env.Stdout, "%s đã ở lược đồ phiên bản %d; không có gì phải làm\n", cfg.Where(), res.To)
	case res.From == 0:
		fmt.Fprintf(env.Stdout, "%s: đã tạo lược đồ bientap (phiên bản %d) và các vai trò bientap_soan_thao, bientap_lanh_dao, bientap_van_thu, bientap_quan_tri\n", cfg.Where(), res.To)
	default:
		fmt.Fprintf(env.Stdout, "%s: đã nâng cấp lược đồ từ phiên bản %d lên %d\n", cfg.Where(), res.From, res.To)
	}
	return nil
}

// runAddUser adds a desk user with a role (or resets an existing one's
// password and role). The password comes from BIENTAP_PASSWORD or is asked
// for twice on the terminal.
func runAddUser(env *Env, args []string) error {
	pos, err := parseInterleaved(newFlags("server add-user"), args)
	if err != nil {
		return err
	}
	if len(pos) != 3 {
		return usageError("cần URL, tên người dùng và vai trò")
	}
	role, err := office.ParseRole(pos[2])
	if err != nil {
		return usageError("%v", err)
	}
	cfg, err := office.ParseServerURL(pos[0])
	if err != nil {
		return err
	}
	pw := os.Getenv(secret.EnvPassword)
	if pw == "" {
		if pw, err = askNewPassword(env, pos[1]); err != nil {
			return err
		}
	}
	if err := office.AddUser(context.Background(), cfg, pos[1], role, pw); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Đã thêm người dùng %s (%s) vào %s\n", pos[1], role.Label(), cfg.Where())
	return nil
}

// askNewPassword reads a new password twice from the terminal, not echoed.
func askNewPassword(env *Env, user string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", errors.New("cần mật khẩu: đặt biến môi trường " + secret.EnvPassword + " hoặc chạy lệnh trong cửa sổ dòng lệnh")
	}
	fmt.Fprintf(env.Stderr, "Mật khẩu cho %s: ", user)
	a, err := term.ReadPassword(fd)
	fmt.Fprintln(env.Stderr)
	if err != nil {
		return "", fmt.Errorf("không đọc được mật khẩu: %v", err)
	}
	fmt.Fprint(env.Stderr, "Nhập lại mật khẩu: ")
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(env.Stderr)
	if err != nil {
		return "", fmt.Errorf("không đọc được mật khẩu: %v", err)
	}
	if string(a) != string(b) {
		return "", errors.New("hai lần nhập mật khẩu không khớp")
	}
	if len(a) == 0 {
		return "", errors.New("mật khẩu trống")
	}
	return string(a), nil
}

// askPassword reads a password once from the terminal ("" when there is none).
func askPassword(env *Env, what string) string {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return ""
	}
	fmt.Fprintf(env.Stderr, "Mật khẩu %s: ", what)
	a, _ := term.ReadPassword(fd)
	fmt.Fprintln(env.Stderr)
	return string(a)
}
