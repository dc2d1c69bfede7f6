"""SSDA903 rules changed in collection year 2026/27: the DfE added the deprivation of liberty
order (DoLo) table and its rules 700-710; no 2025/26 rule changed its message, fields or tables,
and none was withdrawn (shared/specs/ssda903-rules.csv, 2025/26 against 2026/27)."""
