//! Literal values: numbers and the contents of string and bytes literals.
