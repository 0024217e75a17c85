"""Widgets the screens share: editors, lists, the capture line, the timer bar, tables and dialogs."""
