// Package pgtest starts a throwaway PostgreSQL cluster from the system's
// PostgreSQL binaries (Debian's postgresql package) for tests and
// benchmarks: a folder in /tmp, a Unix socket there, a superuser with a
// password, scram-sha-256 for everyone. As root (CI) the server runs as the
// postgres user, since PostgreSQL refuses to run as root.
//
// Tests must not silently skip when PostgreSQL is missing: Main fails the
// package loudly unless BIENTAP_SKIP_PG=1 is set (for a developer's machine
// without PostgreSQL); CI never sets it.
package pgtest

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// SuperPassword is the password of the cluster's superuser "postgres".
const SuperPassword = "pgtest-super"

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	Dir     string // everything lives here; removed by Stop
	Socket  string // the Unix socket folder
	Port    int    // the socket's port number (also TCP when TCP is on)
	bin     string
	cred    *syscall.Credential
	options []string
	dbs     atomic.Int64
	proc    *os.Process
	exited  chan error
}

// Bin finds the newest installed PostgreSQL server binaries folder.
func Bin() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) < version(dirs[j]) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i], nil
		}
	}
	return "", fmt.Errorf("PostgreSQL server binaries not found (initdb, pg_ctl): install Debian's postgresql package (apt-get install postgresql)")
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// Options tune a cluster.
type Options struct {
	TCP     bool     // also listen on 127.0.0.1:Port
	Durable bool     // keep fsync on (benchmarks); tests turn it off for speed
	Extra   []string // more "-c name=value" settings
}

// Start creates and starts a cluster.
func Start(opt Options) (*Cluster, error) {
	bin, err := Bin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "bientap-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, Socket: dir, bin: bin}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root needs the postgres user (from the postgresql package): %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	if c.Port, err = freePort(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	pwfile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwfile, []byte(SuperPassword+"\n"), 0o600); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if c.cred != nil {
		os.Chown(pwfile, int(c.cred.Uid), int(c.cred.Gid))
	}
	if out, err := c.run("initdb", "-D", c.data(), "-A", "scram-sha-256", "--pwfile="+pwfile, "-U", "postgres",
		"-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	c.options = []string{"-k", c.Socket, "-p", strconv.Itoa(c.Port), "-c", "max_connections=60"}
	if opt.TCP {
		c.options = append(c.options, "-c", "listen_addresses=127.0.0.1")
	} else {
		c.options = append(c.options, "-c", "listen_addresses=")
	}
	if !opt.Durable {
		c.options = append(c.options, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	for _, e := range opt.Extra {
		c.options = append(c.options, "-c", e)
	}
	if err := c.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return c, nil
}

func (c *Cluster) data() string { return filepath.Join(c.Dir, "data") }

// WriteFile writes a file into the cluster's folder, readable by the server.
func (c *Cluster) WriteFile(name string, data []byte) (string, error) {
	p := filepath.Join(c.Dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		return "", err
	}
	if c.cred != nil {
		os.Chown(p, int(c.cred.Uid), int(c.cred.Gid))
	}
	return p, nil
}

// HBA replaces pg_hba.conf and reloads the configuration.
func (c *Cluster) HBA(lines string) error {
	if _, err := c.WriteFile("data/pg_hba.conf", []byte(lines)); err != nil {
		return err
	}
	if c.proc == nil {
		return fmt.Errorf("server not running")
	}
	if err := c.proc.Signal(syscall.SIGHUP); err != nil {
		return err
	}
	time.Sleep(300 * time.Millisecond) // the postmaster rereads its files asynchronously
	return nil
}

func (c *Cluster) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	return cmd.CombinedOutput()
}

// Start starts the server (again) and waits until it accepts connections.
// The server is a child of this process that dies with it (a test binary
// killed by its timeout leaves no server behind).
func (c *Cluster) Start() error {
	logf, err := os.OpenFile(filepath.Join(c.Dir, "log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	exited := make(chan error, 1)
	started := make(chan error, 1)
	go func() {
		// The parent-death signal belongs to the thread that started the
		// child: keep this goroutine on its thread until the server exits.
		runtime.LockOSThread()
		cmd := exec.Command(filepath.Join(c.bin, "postgres"), append([]string{"-D", c.data()}, c.options...)...)
		cmd.Dir = c.Dir
		cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
		cmd.Stdout, cmd.Stderr = logf, logf
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred, Pdeathsig: syscall.SIGKILL, Setpgid: true}
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		c.proc = cmd.Process
		started <- nil
		exited <- cmd.Wait()
		logf.Close()
	}()
	if err := <-started; err != nil {
		logf.Close()
		return fmt.Errorf("postgres: %v", err)
	}
	c.exited = exited
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		conn, err := pgx.Connect(ctx, c.SuperURL("postgres"))
		cancel()
		if err == nil {
			conn.Close(context.Background())
			return nil
		}
		select {
		case werr := <-exited:
			log, _ := os.ReadFile(filepath.Join(c.Dir, "log"))
			c.proc = nil
			return fmt.Errorf("postgres exited: %v\n%s", werr, log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not accept connections within 60 s: %v", err)
		}
	}
}

// Stop stops the server: "fast" (clients are disconnected cleanly) or
// "immediate" (like a crash).
func (c *Cluster) Stop(mode string) error {
	if c.proc == nil {
		return nil
	}
	sig := syscall.SIGINT
	if mode == "immediate" {
		sig = syscall.SIGQUIT
	}
	if err := c.proc.Signal(sig); err != nil {
		return err
	}
	select {
	case <-c.exited:
	case <-time.After(60 * time.Second):
		c.proc.Kill()
		<-c.exited
	}
	c.proc = nil
	return nil
}

// Restart stops the server the given way and starts it again.
func (c *Cluster) Restart(mode string) error {
	if err := c.Stop(mode); err != nil {
		return err
	}
	return c.Start()
}

// Destroy stops the server and removes its folder.
func (c *Cluster) Destroy() {
	c.Stop("immediate")
	os.RemoveAll(c.Dir)
}

// URL is a connection URL for user to database db over the socket.
func (c *Cluster) URL(user, password, db string) string {
	u := url.URL{Scheme: "postgres", Path: "/" + db}
	if password != "" {
		u.User = url.UserPassword(user, password)
	} else {
		u.User = url.User(user)
	}
	u.RawQuery = url.Values{"host": {c.Socket}, "port": {strconv.Itoa(c.Port)}, "sslmode": {"disable"}}.Encode()
	return u.String()
}

// SuperURL is the superuser's URL for database db.
func (c *Cluster) SuperURL(db string) string { return c.URL("postgres", SuperPassword, db) }

// NewDB creates a fresh database and returns its name.
func (c *Cluster) NewDB() (string, error) {
	name := fmt.Sprintf("t_%d", c.dbs.Add(1))
	return name, c.Exec("postgres", "CREATE DATABASE "+name)
}

// Exec runs SQL as the superuser in database db.
func (c *Cluster) Exec(db, sql string, args ...any) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.SuperURL(db))
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql, args...)
	return err
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Main runs a test package's tests with one shared cluster in *c. When
// PostgreSQL cannot be started the package fails, loudly, unless
// BIENTAP_SKIP_PG=1 (then *c stays nil and Need skips each test).
func Main(m *testing.M, c **Cluster, opt Options) int {
	cl, err := Start(opt)
	if err != nil {
		if os.Getenv("BIENTAP_SKIP_PG") == "1" {
			fmt.Fprintf(os.Stderr, "pgtest: PostgreSQL not available, skipping its tests (BIENTAP_SKIP_PG=1): %v\n", err)
			return m.Run()
		}
		fmt.Fprintf(os.Stderr, "\n*** pgtest: cannot start PostgreSQL for the office-archive tests: %v\n"+
			"*** Install it (apt-get install postgresql) or, on a developer machine only, set BIENTAP_SKIP_PG=1.\n\n", err)
		return 1
	}
	*c = cl
	defer cl.Destroy()
	return m.Run()
}

// Need skips the test when the package runs without PostgreSQL
// (BIENTAP_SKIP_PG=1); see Main.
func (c *Cluster) Need(tb testing.TB) {
	tb.Helper()
	if c == nil {
		tb.Skip("PostgreSQL not available (BIENTAP_SKIP_PG=1)")
	}
}
