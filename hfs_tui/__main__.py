"""`python -m hfs_tui`: the same as the `hfs-tui` command."""

import sys

from hfs_tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
