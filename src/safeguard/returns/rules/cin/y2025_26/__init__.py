"""CIN census rules in force in 2025/26, one DfE rule per file."""
