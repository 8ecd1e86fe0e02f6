//! Date parsing and normalisation to ISO 8601.
