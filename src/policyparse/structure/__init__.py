"""Stage 4, structure: blocks to the outline (levels, paths, titles)."""
