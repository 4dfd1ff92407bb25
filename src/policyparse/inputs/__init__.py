"""Stage 1, inputs: bytes to text (encodings, web pages, Word files)."""
