"""Tables found from ruling lines: full grids (ruled), vertical rules, horizontal rules only."""
