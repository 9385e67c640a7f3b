"""A table across pages: continuation without a repeated header, orphan header bands, page furniture in cells."""
