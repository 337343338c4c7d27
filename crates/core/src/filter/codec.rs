//! Bounds-checked little-endian reading and writing of the file's sections.
