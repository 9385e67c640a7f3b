"""Table rows to records: header roles, rows, cells, sections, budget goal tables."""
