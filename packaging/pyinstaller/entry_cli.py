"""The bundle's command line (``minuta``); the same entry as the installed script."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # child processes are this program again
    from minuta.cli import main

    sys.exit(main())
