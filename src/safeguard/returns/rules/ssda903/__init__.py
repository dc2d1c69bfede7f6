"""SSDA903 rules by collection year: y2025_26 holds every rule in force in 2025/26; a later
folder holds only the rules added, changed or deleted that year. catalogue.csv is the DfE's catalogue
of the rules for each year held (code, message, affected fields, tables), copied from
shared/specs/ssda903-rules.csv; reports list the catalogue rules not implemented here.

Error or query: unlike the CIN census (whose DfE rule list gives each rule a type, and marks queries
with a Q), the SSDA903 catalogue has no type. No published source gives one: the DfE's "Children
looked after return: validation rules" documents list every check under "Error code", in two
stages, with a procedure for bypassing errors, and the public validator
(data-to-insight/csc-validator-be-903) records no type either. So every SSDA903 rule is an error,
except EPI, whose DfE message itself begins "WARNING:" and is a query. (Searched: the public
validator's rule files and engine, the DfE technical specification pages, November 2026.)"""
