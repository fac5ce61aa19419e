"""The meeting view's Summary tab: the draft, its items and evidence, the e-mail, questions."""
