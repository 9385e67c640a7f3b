"""Tables found from white space: regions of aligned text, their columns and levels (borderless)."""
