// Package office is the office archive ("Kho chung") on PostgreSQL: its
// schema and roles (server init, add-user), the connection a desk opens to
// it, and the calls the desk's sync makes (push, pull, take a number). The
// rules that matter are enforced by the server itself, so that a user who
// connects with psql is held to them as well as the window is.
package office

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Timeouts of the calls a desk makes: short, so that a desk on a flaky
// network falls back to offline quickly instead of hanging the window.
const (
	ConnectTimeout = 5 * time.Second
	CallTimeout    = 20 * time.Second
)

// Config says where the office archive is and as whom a desk connects.
type Config struct {
	// URL is postgres://USER@HOST:PORT/DB?sslmode=… without the password;
	// a socket folder is given as ?host=/path.
	URL      string
	Password string

	pg *pgconn.Config
}

// ParseURL reads an office archive URL. A password in the URL is moved to
// Config.Password, so that the URL can be stored and shown. When the URL
// names a CA (sslrootcert) and no sslmode, the connection is verify-full.
func ParseURL(raw string) (Config, error) {
	return parseURL(raw, true)
}

// ParseServerURL reads the URL the IT department gives to server init and
// add-user: as ParseURL, but the user may be left out (then it is the
// operating-system user, and the password may come from PGPASSWORD or
// ~/.pgpass, as with psql).
func ParseServerURL(raw string) (Config, error) {
	return parseURL(raw, false)
}

func parseURL(raw string, needUser bool) (Config, error) {
	raw = escapeUserinfo(strings.TrimSpace(raw))
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return Config{}, fmt.Errorf("địa chỉ kho chung không hợp lệ %q (cần postgres://NGƯỜI_DÙNG@MÁY_CHỦ:CỔNG/CSDL)", redact(raw))
	}
	if needUser && (u.User == nil || u.User.Username() == "") {
		return Config{}, fmt.Errorf("địa chỉ kho chung %q thiếu tên người dùng (postgres://NGƯỜI_DÙNG@…)", redact(raw))
	}
	if strings.Trim(u.Path, "/") == "" {
		return Config{}, fmt.Errorf("địa chỉ kho chung %q thiếu tên cơ sở dữ liệu (…/CSDL)", redact(raw))
	}
	cfg := Config{}
	if u.User != nil {
		if pw, ok := u.User.Password(); ok {
			cfg.Password = pw
		}
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Get("sslrootcert") != "" && q.Get("sslmode") == "" {
		q.Set("sslmode", "verify-full")
	}
	u.RawQuery = q.Encode()
	cfg.URL = u.String()
	pc, err := pgconn.ParseConfig(cfg.URL)
	if err != nil {
		var pe *pgconn.ParseConfigError
		msg := err.Error()
		if errors.As(err, &pe) && pe.Unwrap() != nil {
			msg = pe.Unwrap().Error()
		}
		return Config{}, fmt.Errorf("địa chỉ kho chung %q không dùng được: %s", redact(raw), oneLine(msg))
	}
	cfg.pg = pc
	return cfg, nil
}

// escapeUserinfo percent-encodes the user and password of a URL typed with
// characters a URL may not hold there ("postgres://an:mật khẩu@host/db").
func escapeUserinfo(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	end := strings.IndexAny(rest, "/?")
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return raw
	}
	unescape := func(s string) string {
		if v, err := url.PathUnescape(s); err == nil {
			return v
		}
		return s
	}
	user, pw, hasPw := strings.Cut(rest[:at], ":")
	info := url.User(unescape(user))
	if hasPw {
		info = url.UserPassword(unescape(user), unescape(pw))
	}
	return scheme + "://" + info.String() + "@" + rest[at+1:]
}

func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "***")
	}
	return u.String()
}

// User is the user name the URL connects as.
func (c Config) User() string {
	if c.pg == nil {
		return ""
	}
	return c.pg.User
}

// Key names the archive and user in the OS credential store:
// USER@HOST:PORT/DB.
func (c Config) Key() string {
	if c.pg == nil {
		return ""
	}
	return fmt.Sprintf("%s@%s:%d/%s", c.pg.User, c.pg.Host, c.pg.Port, c.pg.Database)
}

// Where names the archive in messages: "kho chung USER@HOST:PORT/DB".
func (c Config) Where() string { return "kho chung " + c.Key() }

// connConfig is the pgx configuration with the password and timeouts.
func (c Config) connConfig() (*pgx.ConnConfig, error) {
	cc, err := pgx.ParseConfig(c.URL)
	if err != nil {
		return nil, err
	}
	if c.Password != "" {
		cc.Password = c.Password // else PGPASSWORD or ~/.pgpass, as pgx reads them
	}
	if cc.ConnectTimeout == 0 || cc.ConnectTimeout > ConnectTimeout {
		cc.ConnectTimeout = ConnectTimeout
	}
	cc.RuntimeParams["application_name"] = "bientap"
	// A desk waits for another desk's write a bounded time, and never
	// leaves a transaction open.
	cc.RuntimeParams["lock_timeout"] = "15s"
	cc.RuntimeParams["idle_in_transaction_session_timeout"] = "60s"
	return cc, nil
}

// dial opens a plain connection (no schema check): server init and add-user.
func dial(ctx context.Context, cfg Config) (*pgx.Conn, error) {
	if cfg.pg == nil {
		return nil, errors.New("cấu hình kho chung chưa được đọc (ParseURL)")
	}
	cc, err := cfg.connConfig()
	if err != nil {
		return nil, Describe(cfg.Where(), err)
	}
	ctx, cancel := context.WithTimeout(ctx, ConnectTimeout)
	defer cancel()
	pg, err := pgx.ConnectConfig(ctx, cc)
	if err != nil {
		return nil, Describe(cfg.Where(), err)
	}
	return pg, nil
}

// Info is what a desk learns when it connects.
type Info struct {
	OfficeID string // identifies the archive: a desk never syncs with another by mistake
	Schema   int
	User     string
	Roles    Roles
	Version  int64 // the archive version when connected
}

// Conn is a desk's connection to the office archive.
type Conn struct {
	pg    *pgx.Conn
	where string
	Info  Info
}

// Connect opens a connection, checks the archive's schema version (a newer
// one than this program's is refused with one line) and reads who the user
// is and which roles they hold.
func Connect(ctx context.Context, cfg Config) (*Conn, error) {
	pg, err := dial(ctx, cfg)
	if err != nil {
		return nil, err
	}
	c := &Conn{pg: pg, where: cfg.Where()}
	if err := c.hello(ctx); err != nil {
		pg.Close(context.Background())
		return nil, err
	}
	return c, nil
}

func (c *Conn) hello(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, CallTimeout)
	defer cancel()
	v, err := serverSchema(ctx, c.pg)
	if err != nil {
		return Describe(c.where, err)
	}
	if err := checkSchema(c.where, v); err != nil {
		return err
	}
	c.Info.Schema = v
	var owner bool
	held := make([]bool, len(AllRoles))
	err = c.pg.QueryRow(ctx, `SELECT session_user, a.office_id, a.version,
		current_user = (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'bientap'),
		pg_has_role('bientap_soan_thao', 'MEMBER'), pg_has_role('bientap_lanh_dao', 'MEMBER'),
		pg_has_role('bientap_van_thu', 'MEMBER'), pg_has_role('bientap_quan_tri', 'MEMBER')
		FROM bientap.archive a`).Scan(&c.Info.User, &c.Info.OfficeID, &c.Info.Version, &owner,
		&held[0], &held[1], &held[2], &held[3])
	if err != nil {
		return Describe(c.where, err)
	}
	for i, r := range AllRoles {
		if owner || held[i] {
			c.Info.Roles = append(c.Info.Roles, r)
		}
	}
	if len(c.Info.Roles) > 1 { // every role drafts: name only the others
		c.Info.Roles = c.Info.Roles[1:]
	}
	if len(c.Info.Roles) == 0 {
		return &Error{Kind: ErrAuth, Msg: fmt.Sprintf("%s: người dùng %s chưa được cấp vai trò nào (nhờ quản trị chạy bientap server add-user)", c.where, c.Info.User)}
	}
	return nil
}

// checkSchema refuses an archive of another schema version than this
// program's.
func checkSchema(where string, v int) error {
	switch {
	case v == 0:
		return &Error{Kind: ErrSchema, Msg: fmt.Sprintf("%s: cơ sở dữ liệu chưa có kho chung Biên Tập (nhờ quản trị chạy bientap server init)", where)}
	case v > SchemaVersion:
		return &Error{Kind: ErrSchema, Msg: fmt.Sprintf("%s: kho chung dùng lược đồ phiên bản %d, bản Biên Tập này chỉ hiểu đến %d; hãy cập nhật Biên Tập", where, v, SchemaVersion)}
	case v < SchemaVersion:
		return &Error{Kind: ErrSchema, Msg: fmt.Sprintf("%s: kho chung còn ở lược đồ phiên bản %d, cần %d; nhờ quản trị chạy bientap server init", where, v, SchemaVersion)}
	}
	return nil
}

// Recheck makes sure a connection kept open is still alive and the archive
// still of this program's schema version.
func (c *Conn) Recheck(ctx context.Context) error {
	var v int
	err := c.call(ctx, CallTimeout, func(ctx context.Context) error {
		var err error
		v, err = serverSchema(ctx, c.pg)
		return err
	})
	if err != nil {
		return err
	}
	return checkSchema(c.where, v)
}

// Close ends the connection.
func (c *Conn) Close() { c.pg.Close(context.Background()) }

// Where names the archive in messages.
func (c *Conn) Where() string { return c.where }

// call runs f with the call timeout and turns its error into an *Error.
func (c *Conn) call(ctx context.Context, timeout time.Duration, f func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return Describe(c.where, f(ctx))
}

// Version reads the archive's current version.
func (c *Conn) Version(ctx context.Context) (int64, error) {
	var v int64
	err := c.call(ctx, CallTimeout, func(ctx context.Context) error {
		return c.pg.QueryRow(ctx, "SELECT version FROM bientap.archive").Scan(&v)
	})
	return v, err
}
