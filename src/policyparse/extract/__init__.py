"""Stage 5, extract: metadata, quantities and targets, responsibility, canonical names."""
