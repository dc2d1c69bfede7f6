"""Statutory returns: readers, the validation engine and the DfE rules (pure Python, no Django)."""
