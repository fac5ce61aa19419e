"""Privacy windows: a person's data, the audit log, and what left this computer.

Each is opened from the main window's Privacy menu (:mod:`minuta.ui.privacy.menu`)
and imported only then, so none of them slows the app's start.
"""
