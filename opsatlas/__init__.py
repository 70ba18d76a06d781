"""Ops Atlas: discipline records in, Markdown pages and comparison tables out."""
