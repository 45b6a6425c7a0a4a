"""Qt's own file dialog speaks the app's language (issue #11, a fresh walk in the real window:
"Look in", "File name", "Files of type", "Detail View"… in the Indonesian app). Qt ships no
Indonesian catalog; ours supplies its words (desktop/views/translation.py, FILE_DIALOG). The
save dialog is opened as a user opens it: the forum list's Documents menu, then "Simpan PDF…"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.views import save_file
from desktop.views.document_dialog import DocumentDialog
from desktop.views.main_window import MainWindow
from tests.views.drive import Opened, click_row, when_popup
from tests.views.fit import shown_text
from tests.views.test_indonesian import english_in, english_messages, texts_of

# What Qt's dialog said in the Indonesian app before (labels, buttons, tooltips, columns, places).
QT_ENGLISH = {
    "Look in:", "File name:", "Files of type:", "Save", "Cancel", "Back", "Forward", "Parent Directory",
    "Create New Folder", "List View", "Detail View", "Go back", "Go forward", "Go to the parent directory",
    "Create a New Folder", "Change to list view mode", "Change to detail view mode", "Sidebar",
    "List of places and bookmarks", "Recent Places", "Name", "Size", "Type", "Date Modified", "Computer",
    "Folder", "Rename", "Delete", "Show hidden files", "New Folder",
}

@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Path]:
    """The folder the dialog opens in, with a folder in it (its row says what it is); Qt's own
    dialog, as on a Linux desktop without a native one."""
    target = tmp_path / "Dokumen"
    (target / "Arsip FKP").mkdir(parents=True)
    monkeypatch.setattr(save_file, "_last_folder", [target])
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    yield target
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)


def everything_readable(dialog: QFileDialog) -> list[str]:
    """What the dialog shows and says: texts_of (labels, buttons, tooltips, lists, columns),
    with the names screen readers say and its menus' entries."""
    found = texts_of(dialog)
    for widget in dialog.findChildren(QWidget):
        if widget.isVisibleTo(dialog) and widget.accessibleName():
            found.append(widget.accessibleName())
    found += [shown_text(action.text()) for action in dialog.findChildren(QAction) if action.text()]
    for view in dialog.findChildren(QAbstractItemView):  # the folder's rows, under its root
        if view.isVisibleTo(dialog) and view.model() is not None:
            model, root = view.model(), view.rootIndex()
            for row in range(model.rowCount(root)):
                for column in range(model.columnCount(root)):
                    found.append(str(model.index(row, column, root).data() or ""))
    # Folders the user (or an earlier test in this process) visited are data, not Qt's words:
    # the sidebar and the "look in" history name them.
    visited = {Path(url.path()).name for url in dialog.sidebarUrls() if url.path()}
    visited |= {Path(each).name for each in dialog.history()}
    found = [text for text in found if text not in visited]
    return [shown_text(text) for text in found if text.strip()]  # labels keep their "&" mnemonic


def test_the_save_dialog_of_a_document_speaks_indonesian(
    qtbot: QtBot, demo_ws: Workspace, indonesian: Workspace, window: MainWindow, folder: Path
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    forums_page = window.forums
    qtbot.waitUntil(forums_page.loaded)
    click_row(qtbot, forums_page.table, 0, column=2)
    qtbot.waitUntil(lambda: forums_page.selected_forum() is not None)

    def the_minutes(menu: QWidget) -> None:
        assert isinstance(menu, QMenu)
        for _ in range(len(menu.actions())):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
            if menu.activeAction() is not None and "berita acara" in menu.activeAction().text().lower():
                break
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    documents = Opened(DocumentDialog)  # an earlier test's may not be deleted yet
    opened = when_popup(the_minutes)
    qtbot.mouseClick(forums_page.documents_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened))
    qtbot.waitUntil(lambda: len(documents.new()) == 1, timeout=15_000)
    document = documents.new()[0]
    qtbot.addWidget(document)
    qtbot.waitUntil(lambda: document.save_button.isEnabled(), timeout=15_000)
    qtbot.mouseClick(document.save_button, Qt.MouseButton.LeftButton)
    # The folder's rows are listed (Qt reads the folder in a thread of its own). The dialog is
    # asked for anew each time: on a busy machine a wrapper taken early was once found deleted.
    qtbot.waitUntil(lambda: "Arsip FKP" in everything_readable(save_dialog()), timeout=15_000)
    dialog = save_dialog()
    try:
        check_words(everything_readable(dialog))
    finally:
        dialog.reject()  # a failed check leaves no modal dialog behind for the next test
    qtbot.waitUntil(lambda: not isinstance(QApplication.activeModalWidget(), QFileDialog))


def save_dialog() -> QFileDialog:
    """The save dialog shown now (an AssertionError until there is one, for waitUntil)."""
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QFileDialog) and dialog.isVisible(), dialog
    return dialog


def check_words(texts: list[str]) -> None:
    assert "Folder" not in texts or "Arsip FKP" in texts  # a folder's type is a word of both languages
    english = sorted({text for text in texts if text.strip() in QT_ENGLISH - {"Folder"}})
    assert not english, f"Qt's English in the Indonesian save dialog: {english}"
    messages = english_messages()
    problems = {text: problem for text in texts if (problem := english_in(text, messages))}
    assert not problems, problems
    for indonesian_word in ("Cari di:", "Nama berkas:", "Jenis berkas:", "Simpan", "Batal", "Nama", "Ukuran"):
        assert indonesian_word in texts, (indonesian_word, texts)
