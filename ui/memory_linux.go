package ui

// #include <malloc.h>
import "C"

// trimCHeap hands the C heap's free pages back to the system (glibc keeps
// them in its arenas otherwise: SQLite's query memory, the GL driver's).
func trimCHeap() { C.malloc_trim(0) }
