"""Tables of budgets and financial statements: numeric tables and goal cards or goal blocks."""
