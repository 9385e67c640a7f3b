"""PDF tables from geometry: ruling lines, whitespace, horizontal rules, cells."""
