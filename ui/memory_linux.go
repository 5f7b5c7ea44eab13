package ui

// #include <malloc.h>
//
// // One C heap for all threads, set when the program loads (see below):
// // glibc fixes its number of heaps when it first needs a second one, which
// // Go's threads do before any Go code runs.
// __attribute__((constructor)) static void bientap_one_c_heap(void) { mallopt(M_ARENA_MAX, 1); }
import "C"

// trimCHeap hands the C heap's free pages back to the system (glibc keeps
// them in its arenas otherwise: SQLite's query memory, the GL driver's).
func trimCHeap() { C.malloc_trim(0) }

// The C code of every thread shares one glibc heap (the constructor
// above). glibc otherwise gives each thread that calls malloc while another
// holds the heap an arena of its own (up to eight per core), and Go runs
// SQLite's calls on whichever thread is free: each search's and each page's
// memory lands in another arena, and every arena keeps its own high-water
// mark and fragments (two or three more arenas of 6–10 MB each in the window
// after a search). The program's C code runs mostly on two threads at a
// time (the GL driver's on the UI thread, SQLite's on a query goroutine),
// and glibc's per-thread caches take small allocations without the lock.
