"""The import and export engine: reading spreadsheets, checking rows, writing records."""
