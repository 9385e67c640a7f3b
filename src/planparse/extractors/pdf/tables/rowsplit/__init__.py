"""Where a row starts in a table without a rule under every row: blocks, cuts, list items, touching rows."""
