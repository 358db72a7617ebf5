//! Python's `repr` of constant values (str, bytes, int, float, complex).
//!
//! NOT YET IMPLEMENTED.
