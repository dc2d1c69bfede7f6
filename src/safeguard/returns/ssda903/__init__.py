"""SSDA903 (children looked after) return: tables read from CSV files."""

from safeguard.returns.ssda903.reader import Return903, UnusableInput, read_903

__all__ = ["Return903", "UnusableInput", "read_903"]
