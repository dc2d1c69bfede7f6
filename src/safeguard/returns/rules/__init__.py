"""Validation rules, one DfE rule per file, by return and collection year."""
