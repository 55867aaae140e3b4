"""Supply Lines: turn news articles into a sourced, dated timeline of arms supply to Russia."""

__version__ = "0.1.0"
