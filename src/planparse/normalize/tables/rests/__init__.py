"""The rests of rows and headers that a page break or a repeated header cut off, joined back to where they belong."""
