// Package cli is Biên Tập's command-line interface: the headless commands
// (list, search, import, export, convert, check, …) that script and batch work
// use. No window opens and no display is needed.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"bientap/model/store"
)

// Env is what a command runs with: the database path and the output streams.
type Env struct {
	DBPath string
	Stdout io.Writer
	Stderr io.Writer

	closers []func() error
	store   *store.Store
}

// command is one sub-command of the binary.
type command struct {
	name  string // "export pdf" for a two-word command
	usage string // one line: arguments and flags
	run   func(env *Env, args []string) error
}

var commands = map[string]command{}

// register adds a command; each command's file registers itself in init.
func register(c command) { commands[c.name] = c }

// errUsage marks an error that is about how the command was called.
var errUsage = errors.New("usage")

// errReported marks a failure the command already told the user about, one
// line per problem: Run adds no line of its own, only the exit status.
var errReported = errors.New("reported")

// usageError reports a wrong call of cmd with its usage line.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// IsCommand reports whether args name a command (rather than opening the window).
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	_, n := lookup(args)
	return n > 0 || !strings.HasPrefix(args[0], "-")
}

func lookup(args []string) (command, int) {
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c, 2
		}
	}
	if len(args) >= 1 {
		if c, ok := commands[args[0]]; ok {
			return c, 1
		}
	}
	return command{}, 0
}

// Run executes the command named by args and returns the process exit status:
// 0 on success, 1 with a one-line message on stderr on failure.
func Run(dbPath string, args []string, stdout, stderr io.Writer) int {
	env := &Env{DBPath: dbPath, Stdout: stdout, Stderr: stderr}
	defer env.close()
	c, n := lookup(args)
	if n == 0 {
		fmt.Fprintf(stderr, "bientap: lệnh không rõ %q; các lệnh: %s\n", strings.Join(args, " "), strings.Join(Names(), ", "))
		return 1
	}
	if err := c.run(env, args[n:]); err != nil {
		if errors.Is(err, errReported) {
			return 1
		}
		msg := strings.ReplaceAll(err.Error(), "\n", " ")
		if errors.Is(err, errUsage) {
			msg = strings.TrimPrefix(msg, errUsage.Error()+": ")
			fmt.Fprintf(stderr, "bientap %s: %s (cách dùng: bientap %s %s)\n", c.name, msg, c.name, c.usage)
		} else {
			fmt.Fprintf(stderr, "bientap %s: %s\n", c.name, msg)
		}
		return 1
	}
	return 0
}

// Names lists the commands, sorted.
func Names() []string {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// onClose registers a cleanup that runs when the command ends.
func (e *Env) onClose(f func() error) { e.closers = append(e.closers, f) }

func (e *Env) close() {
	for i := len(e.closers) - 1; i >= 0; i-- {
		e.closers[i]()
	}
}

// newFlags returns a flag set that reports errors instead of exiting.
// Flags may come before or after the positional arguments.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseInterleaved parses flags that may appear anywhere among positional
// arguments and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError("%s", FlagError(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// FlagError puts the flag package's English errors into Vietnamese.
func FlagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		name := strings.TrimPrefix(msg, "flag provided but not defined: ")
		if strings.TrimLeft(name, "-") == "db" {
			return "--db đặt trước lệnh: bientap --db ĐƯỜNG_DẪN <lệnh> …"
		}
		return "không có tùy chọn " + name
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "tùy chọn " + strings.TrimPrefix(msg, "flag needs an argument: ") + " cần một giá trị"
	case strings.HasPrefix(msg, "invalid value "):
		// invalid value "abc" for flag -year: parse error
		rest := strings.TrimPrefix(msg, "invalid value ")
		if val, flagPart, ok := strings.Cut(rest, " for flag "); ok {
			name, _, _ := strings.Cut(flagPart, ":")
			return "giá trị " + val + " không hợp lệ cho " + name
		}
		return "giá trị không hợp lệ: " + rest
	}
	return msg
}
