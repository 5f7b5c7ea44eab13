package office

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/text/secure/precis"
)

// AddUser creates the desk user name with role in the archive of cfg, or,
// when the user exists, sets their password and role. cfg's user must be the
// archive's owner or hold the quan-tri role. The password is turned into a
// SCRAM-SHA-256 secret here, so the clear password never reaches the server.
func AddUser(ctx context.Context, cfg Config, name string, role Role, password string) error {
	if password == "" {
		return fmt.Errorf("mật khẩu của người dùng mới trống")
	}
	secret, err := scramSecret(password)
	if err != nil {
		return err
	}
	pg, err := dial(ctx, cfg)
	if err != nil {
		return err
	}
	defer pg.Close(context.Background())
	ctx, cancel := context.WithTimeout(ctx, CallTimeout)
	defer cancel()
	v, err := serverSchema(ctx, pg)
	if err != nil {
		return Describe(cfg.Where(), err)
	}
	if err := checkSchema(cfg.Where(), v); err != nil {
		return err
	}
	_, err = pg.Exec(ctx, "SELECT bientap.add_user($1, $2, $3)", strings.TrimSpace(name), string(role), secret)
	if err != nil {
		err = Describe(cfg.Where(), err)
		if strings.Contains(err.Error(), "permission denied") || strings.Contains(err.Error(), "quyền") {
			return &Error{Kind: ErrRefused, Err: err, Msg: fmt.Sprintf(
				"%s: người dùng %s không được thêm người dùng (cần vai trò quan-tri hoặc chủ kho chung)", cfg.Where(), cfg.User())}
		}
		return err
	}
	return nil
}

// scramIterations is PostgreSQL's default for SCRAM-SHA-256 secrets.
const scramIterations = 4096

// scramSecret computes the SCRAM-SHA-256 secret PostgreSQL stores for a
// password (RFC 5802/7677), as psql's \password does on the client. The
// password is prepared the way pgx prepares it when it logs in (PRECIS
// OpaqueString, which matches PostgreSQL's SASLprep for real passwords).
func scramSecret(password string) (string, error) {
	prepared, err := precis.OpaqueString.String(password)
	if err != nil {
		prepared = password // PostgreSQL uses the raw bytes of a password SASLprep rejects
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	salted, err := pbkdf2.Key(sha256.New, prepared, salt, scramIterations, sha256.Size)
	if err != nil {
		return "", err
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	clientKey := mac(salted, "Client Key")
	storedKey := sha256.Sum256(clientKey)
	serverKey := mac(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", scramIterations, b64(salt), b64(storedKey[:]), b64(serverKey)), nil
}
