//go:build unix

package ui

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"syscall"

	"bientap/model/store"
)

// watchProfileSignals, when the environment names a folder in
// BIENTAP_PROFILE, profiles the running window on signals, for whoever
// looks into its memory or its speed (go tool pprof): SIGUSR1 writes a heap
// profile and the runtime's memory figures in MB (heap-N.pprof,
// memory-N.txt), a first SIGUSR2 starts a CPU profile (cpu-N.pprof) and the
// next one ends it. Off by default.
func watchProfileSignals() {
	dir := os.Getenv("BIENTAP_PROFILE")
	if dir == "" {
		return
	}
	runtime.MemProfileRate = 4 << 10 // the default (512 KB) misses most of the start's allocations
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGUSR2)
	go func() {
		var cpu *os.File
		for n := 1; ; n++ {
			var err error
			if <-c == syscall.SIGUSR1 {
				err = writeMemoryProfile(dir, n)
			} else if cpu == nil {
				if cpu, err = os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", n))); err == nil {
					err = pprof.StartCPUProfile(cpu)
				}
			} else {
				pprof.StopCPUProfile()
				err = cpu.Close()
				cpu = nil
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "bientap: profile:", err)
			}
		}
	}()
}

// writeMemoryProfile writes heap-n.pprof and memory-n.txt in dir.
func writeMemoryProfile(dir string, n int) error {
	runtime.GC()
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("heap-%d.pprof", n)))
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	var samples []metrics.Sample
	for _, d := range metrics.All() {
		if d.Kind == metrics.KindUint64 && strings.HasSuffix(d.Name, ":bytes") &&
			(strings.HasPrefix(d.Name, "/memory/classes/") || d.Name == "/gc/heap/allocs:bytes") {
			samples = append(samples, metrics.Sample{Name: d.Name})
		}
	}
	metrics.Read(samples)
	out := ""
	for _, s := range samples {
		out += fmt.Sprintf("%-55s %10.1f\n", s.Name, float64(s.Value.Uint64())/(1<<20))
	}
	out += fmt.Sprintf("%-55s %10.1f\n", "SQLite (sqlite3_memory_used)", float64(store.MemoryUsed())/(1<<20))
	return os.WriteFile(filepath.Join(dir, fmt.Sprintf("memory-%d.txt", n)), []byte(out), 0o644)
}
