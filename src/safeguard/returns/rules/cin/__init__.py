"""CIN census rules by collection year: y2025_26 holds the rules implemented for 2025/26; a later
folder holds only the rules added, changed or deleted that year. catalogue.csv is the DfE's
catalogue of the rules for each year (code, type, message, affected fields, table), copied from
shared/specs/cin-rules.csv; reports list the catalogue rules not implemented here."""
