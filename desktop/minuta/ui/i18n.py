"""The UI's language: the system's, where Minuta ships a translation.

Translations are Qt ``.qm`` files in ``assets/translations`` (``minuta_da.qm``,
``minuta_sv.qm``), built from the ``.ts`` sources by
``packaging/update_translations.sh``. English is the source text itself.
``MINUTA_UI_LANGUAGE`` overrides the system's choice (``en`` for none).

Qt's own texts (standard buttons such as Cancel, the wizard's Next and Back, a
line edit's context menu) come from Qt's ``qtbase_<code>.qm`` where PySide6
ships it.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from minuta.ui.resources import assets_dir

SHIPPED = ("da", "sv")

# Marks the translators install_translator() made, so they can be found and removed.
_TRANSLATOR_NAME = "minuta-translator"


def translations_dir() -> str:
    return str(assets_dir() / "translations")


def preferred_languages() -> list[str]:
    override = os.environ.get("MINUTA_UI_LANGUAGE")
    if override:
        return [override]
    return [name.replace("-", "_").split("_")[0] for name in QLocale.system().uiLanguages()]


def install_translator(app: QCoreApplication, languages: list[str] | None = None) -> str:
    """Load the first shipped translation the user prefers; returns its code, or "en".

    Replaces what an earlier call installed, so calling it again switches language.
    """
    remove_translators(app)
    for code in languages if languages is not None else preferred_languages():
        if code == "en":
            return "en"
        if code not in SHIPPED:
            continue
        translator = _translator(app)
        if translator.load(f"minuta_{code}", translations_dir()):
            # Installed last, so Minuta's own texts are looked up first.
            _install_qt_translation(app, code)
            app.installTranslator(translator)
            return code
        translator.deleteLater()
    return "en"


def remove_translators(app: QCoreApplication) -> None:
    """Back to English: remove every translator install_translator() installed."""
    for translator in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def _translator(app: QCoreApplication) -> QTranslator:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    return translator


def _install_qt_translation(app: QCoreApplication, code: str) -> None:
    """Qt's own texts in the same language; quietly nothing where Qt has none."""
    translator = _translator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{code}", folder):
        app.installTranslator(translator)
    else:
        translator.setParent(None)
        translator.deleteLater()
