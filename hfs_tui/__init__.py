"""hfs-tui: run the HFS network's collegial learning (kollegialt lärande) from the keyboard."""

__version__ = "0.1.0"
