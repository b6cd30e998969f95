"""Import of user files: read, map headers, convert units, validate every row, write all or nothing."""
