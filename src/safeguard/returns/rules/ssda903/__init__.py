"""SSDA903 rules by collection year: y2025_26 holds every rule in force in 2025/26; a later
folder holds only the rules added, changed or deleted that year. catalogue.csv is the DfE's catalogue
of the rules for each year held (code, message, affected fields, tables), copied from
shared/specs/ssda903-rules.csv; reports list the catalogue rules not implemented here."""
