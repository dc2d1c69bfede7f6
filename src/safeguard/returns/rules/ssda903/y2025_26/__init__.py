"""SSDA903 rules in force in collection year 2025/26 (the first year held: all of them)."""
