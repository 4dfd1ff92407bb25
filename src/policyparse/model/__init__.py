"""The model: the public pydantic contract (document, and the records a batch writes
beside Documents: records) and the plain-data builder (build).

Nothing is imported here, so that a stage can use a submodule without
loading pydantic: the command line writes JSON from plain data and builds
no model at all.
"""
