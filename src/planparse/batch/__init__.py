"""`planparse batch`: a folder in parallel, one killable worker process per file, report, resume."""
