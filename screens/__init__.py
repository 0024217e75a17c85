"""Textual screens and their widgets (packaged as hfs_tui.screens)."""
