"""The comparison table in every format a wiki accepts."""
