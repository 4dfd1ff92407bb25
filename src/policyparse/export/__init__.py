"""Stage 7, export: JSON text, CSV and Parquet tables, who owns what, Akoma Ntoso."""
