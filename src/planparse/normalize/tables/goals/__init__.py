"""Goals printed somewhere other than atop their own rows: centred in their group, overleaf beside their first row's rest, repeated with a rest of their own."""
