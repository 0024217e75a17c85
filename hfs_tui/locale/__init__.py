"""UI string catalogues, one module per area of the app (see hfs_tui/i18n.py)."""
