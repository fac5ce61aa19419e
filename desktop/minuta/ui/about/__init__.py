"""Help > About Minuta: the version, the licences of what Minuta is built from, and
where your data lives, checked to be encrypted.

Imported when the menu item is chosen, not at start-up.
"""
