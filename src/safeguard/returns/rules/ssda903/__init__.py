"""SSDA903 rules by collection year: y2025_26 holds every rule in force in 2025/26; a later
folder holds only the rules added, changed or deleted that year."""
