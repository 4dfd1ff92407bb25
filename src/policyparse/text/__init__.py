"""Stage 2, text: folding with identity offsets, brackets, numerals, dates, words.

Utilities over characters that every later stage shares; no domain words.
"""
