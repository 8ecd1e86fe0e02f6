//! Metadata from the header zone of a text dump.
