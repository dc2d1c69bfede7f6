"""CIN census (children in need) return: tables read from the census XML."""

from safeguard.returns.cin.reader import ReturnCIN, UnusableCIN, read_cin

__all__ = ["ReturnCIN", "UnusableCIN", "read_cin"]
