"""The bundle's desktop app (``minuta-app``); the same entry as the installed script."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Live transcription and the final pass run in child processes ("spawn"): in a
    # bundle the child is this program again, and this hands it to multiprocessing
    # before Qt is imported.
    multiprocessing.freeze_support()
    from minuta.ui.main import main

    sys.exit(main())
