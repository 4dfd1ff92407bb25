"""Stage 3, layout: blocks, page furniture, repairs, fixed roles, markers, tables."""
