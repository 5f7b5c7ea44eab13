// Package secret keeps the office-archive password of a desk in the
// operating system's credential store: Windows Credential Manager, the macOS
// keychain, or the Secret Service (GNOME Keyring, KWallet) on Linux, through
// github.com/zalando/go-keyring (well kept, no cgo, the one library that
// covers the three). A password is never written in plain text anywhere:
// on a machine without a credential store it is simply not kept, and the
// desk asks again or reads BIENTAP_PASSWORD.
package secret

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/zalando/go-keyring"
)

// EnvPassword is the environment variable that gives the password to
// commands and scripts (and wins over the credential store).
const EnvPassword = "BIENTAP_PASSWORD"

// service names Biên Tập's entries in the credential store.
const service = "Biên Tập – kho chung"

// ErrUnavailable: this machine has no credential store the program can use.
var ErrUnavailable = errors.New("máy này không có kho mật khẩu của hệ điều hành (Secret Service); mật khẩu không được lưu, hãy đặt biến môi trường " + EnvPassword + " hoặc nhập lại khi đồng bộ")

// ErrNone: no password is stored for this archive and user.
var ErrNone = errors.New("chưa có mật khẩu kho chung trên máy này: đặt biến môi trường " + EnvPassword + " hoặc tham gia lại (bientap join URL)")

// timeout bounds a call to the credential store (a locked keyring may show
// an unlock prompt; a broken one may never answer).
const timeout = 60 * time.Second

func available() bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return true
	}
	// Without a session bus, godbus would try to autolaunch one.
	return os.Getenv("DBUS_SESSION_BUS_ADDRESS") != ""
}

func call(f func() error) error {
	if !available() {
		return ErrUnavailable
	}
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(timeout):
		return fmt.Errorf("kho mật khẩu của hệ điều hành không trả lời: %w", ErrUnavailable)
	}
}

// Save stores the password for key (user@host:port/db).
func Save(key, password string) error {
	err := call(func() error { return keyring.Set(service, key, password) })
	if err != nil && !errors.Is(err, ErrUnavailable) {
		return fmt.Errorf("%w (%v)", ErrUnavailable, err)
	}
	return err
}

// Load returns the password for key: BIENTAP_PASSWORD when set, else the
// credential store's entry, else ErrNone.
func Load(key string) (string, error) {
	if pw := os.Getenv(EnvPassword); pw != "" {
		return pw, nil
	}
	var pw string
	err := call(func() error {
		var err error
		pw, err = keyring.Get(service, key)
		return err
	})
	switch {
	case err == nil:
		return pw, nil
	case errors.Is(err, keyring.ErrNotFound), errors.Is(err, ErrUnavailable):
		return "", ErrNone
	}
	return "", fmt.Errorf("%w (%v)", ErrNone, err)
}

// Delete forgets the password for key.
func Delete(key string) error {
	err := call(func() error { return keyring.Delete(service, key) })
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}
