"""The files of one record (a forum, a recommendation, a follow-up action): photos as thumbnails,
documents as icons, each with its caption. Files are added with "Add photo/file…", by dropping
them here, or by pasting (Ctrl+V: files copied in the file manager, or a picture); a file this
laptop has not received yet shows a placeholder that says who holds it. Removing one is a
tombstone that Ctrl+Z (or the bar's Undo) takes back."""

from __future__ import annotations

import shutil
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPixmap,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.background import Jobs
from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.sizes import megabytes
from desktop.services import attachments
from desktop.services.attachments import AttachmentItem, StoredFile
from desktop.store.file_store import FileStore
from desktop.sync.client import SyncRefused
from desktop.sync.engine import is_enrolled
from desktop.sync.files import fetch_one, lost
from desktop.views.common import InlineMessage
from desktop.views.look import icon
from desktop.views.undo import DoneStep, Report, UndoKeys
from desktop.views.undo_bar import UndoBar
from protocol.vocab import AttachmentKind, AttachmentOwner

THUMB = 150
ID_ROLE = Qt.ItemDataRole.UserRole
ICON_ROLE = Qt.ItemDataRole.UserRole + 1  # the icon of a file not here (its name in look.ICONS)
LOST, ON_SERVER, ELSEWHERE = "lost", "on_server", "elsewhere"  # where a file not here is


def thumbnail(path: Path, side: int = THUMB) -> QImage | None:
    """A photo's small picture, decoded at the size shown (a JPEG decodes scaled down)."""
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > side:
        reader.setScaledSize(size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class RemoveStep(DoneStep):
    """An attachment removed (a tombstone): undone by restoring the same record."""

    def __init__(self, ws: Workspace, report: Report, text: str, attachment_id: str) -> None:
        super().__init__(ws, report, text)
        self._id = attachment_id

    def undo(self) -> None:
        self._run(attachments.restore, self._id, self._ws.files)

    def redo_again(self) -> None:
        self._run(attachments.remove, self._id)


class AttachmentsPanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        ws: Workspace,
        owner_entity: AttachmentOwner,
        owner_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self.owner_entity = owner_entity
        self.owner_id = owner_id
        self.items: list[AttachmentItem] = []
        self._lost: set[str] = set()  # files added here and removed from the data folder unsent
        self._read_only = False
        self.add_button = QPushButton(icon("attach"), self.tr("Add photo/&file…"))
        self.add_button.setToolTip(
            self.tr("Photos (JPEG, PNG, HEIC) and documents (PDF, XLSX) of up to 25 MB; or drop them here, or paste")
        )
        self.add_button.clicked.connect(self.choose_files)
        self.scan_box = QCheckBox(self.tr("Signed attendance list (scan)"))
        self.scan_box.setToolTip(self.tr("Mark the selected file as the forum's scanned, signed attendance list"))
        self.scan_box.setVisible(owner_entity is AttachmentOwner.FORUM)
        self.scan_box.clicked.connect(self._mark_scan)
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected file; Ctrl+Z brings it back"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.disk = QLabel()
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 50, THUMB + 64))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setAcceptDrops(False)  # the panel takes the drop
        self.list.itemActivated.connect(self._open_item)
        self.list.currentItemChanged.connect(self._selected)
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Caption of the selected file (Enter saves it)"))
        self.caption.setMaxLength(1000)
        self.caption.returnPressed.connect(self.save_caption)
        self.caption.editingFinished.connect(self.save_caption)
        self.message = InlineMessage(lines=2)
        # Files being stored (a photo reduced first) and fetched when opened: off the GUI thread,
        # dropped with the panel.
        self._jobs = Jobs(self)
        self.undo_stack = QUndoStack(self)
        self.undo_keys = UndoKeys(self, self.undo_stack, [self.caption], lambda: not self._read_only, self._said)
        self.undo_bar = UndoBar(self.undo_stack, self.undo_keys)
        for keys, act in (
            (QKeySequence.StandardKey.Paste, self.paste),
            (QKeySequence.StandardKey.Delete, self.remove_selected),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(act)
        paste_here = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.add_button)
        paste_here.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste_here.activated.connect(self.paste)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        top.addWidget(self.scan_box)
        top.addStretch(1)
        top.addWidget(self.disk)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.message)
        layout.addWidget(self.undo_bar)
        self.setAcceptDrops(True)
        self.reload()

    # -- showing -----------------------------------------------------------------------------
    def set_owner(self, owner_id: str | None) -> None:
        if owner_id != self.owner_id:
            self.owner_id = owner_id
            self.undo_stack.clear()
            self.message.clear_message()
        self.reload()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._enable()

    def for_reading(self) -> None:
        """Another office's files (an escalation received): shown and opened, never changed,
        so nothing offers to change them."""
        self.set_read_only(True)
        for editor in (self.add_button, self.remove_button, self.scan_box, self.caption, self.disk):
            editor.hide()

    def reload(self) -> None:
        current = self._current_id()
        self.items = self._ws.read(attachments.attachments_of, self.owner_id) if self.owner_id else []
        if any(not self._ws.files.has(item.sha256) for item in self.items):
            self._lost = {item.sha256 for item in self._ws.read(lost, self._ws.data_dir)}
        self.list.clear()
        for item in self.items:
            entry = QListWidgetItem(self._icon(item), self._text(item))
            entry.setData(ID_ROLE, item.id)
            if not self._ws.files.has(item.sha256):
                entry.setData(ICON_ROLE, self._missing_icon(item))
            entry.setToolTip(self._tooltip(item))
            self.list.addItem(entry)
            if item.id == current:
                self.list.setCurrentItem(entry)
        if self.owner_entity is AttachmentOwner.FORUM and self.owner_id:
            used = self._ws.read(attachments.forum_disk_use, self.owner_id)
            self.disk.setText(self.tr("Files of this forum: {size} MB").format(size=megabytes(used)))
        else:
            self.disk.setText("")
        self._selected()

    def _icon(self, item: AttachmentItem) -> QIcon:
        path = self._ws.files.path_of(item.sha256)
        if not path.is_file():
            return icon(self._missing_icon(item))
        if item.is_photo:
            image = thumbnail(self._ws.files.thumbnail_source(item.sha256))
            if image is not None:
                return QIcon(QPixmap.fromImage(image))
        if item.media_type == "application/pdf":
            return icon("pdf")
        return icon("excel" if "sheet" in item.media_type else "file")

    def _missing_icon(self, item: AttachmentItem) -> str:
        return {LOST: "file-lost", ON_SERVER: "file-fetch"}.get(self._where(item), "file-waiting")

    def _text(self, item: AttachmentItem) -> str:
        text = item.caption or item.file_name
        if item.kind is AttachmentKind.ATTENDANCE_SCAN:
            text = self.tr("Signed attendance list") + (f": {text}" if text else "")
        if not self._ws.files.has(item.sha256):  # what matters first: the file is not here
            text = self.placeholder(item, short=True) + "\n" + text
        return text

    def _where(self, item: AttachmentItem) -> str:
        """Where a file not in this laptop's data folder is: lost (added here, removed by hand
        before it was sent), on the server (it takes a record only once it holds its file), or
        on the laptop it was added on (no server: it comes with that laptop's changes)."""
        enrolled = is_enrolled(self._ws)
        if item.added_on == self._ws.ctx.device_id and (item.sha256 in self._lost or not enrolled):
            return LOST
        return ON_SERVER if enrolled else ELSEWHERE

    def laptop_of(self, item: AttachmentItem) -> str:
        """The laptop a file was added on, as its office knows it."""
        if item.device_name:
            return self.tr("laptop “{name}”").format(name=item.device_name)
        return self.tr("{who}'s laptop").format(who=item.added_by or "?")

    def placeholder(self, item: AttachmentItem, short: bool = False) -> str:
        """What a file not here says, and what can be done about it."""
        where = self._where(item)
        if where == LOST:
            if short:
                return self.tr("lost from the data folder")
            return self.tr(
                "“{name}” is no longer in the data folder (removed by hand) and was not sent: no "
                "other laptop has it. Add the same file again to put it back, or remove this entry."
            ).format(name=item.file_name)
        if where == ON_SERVER:
            if short:
                return self.tr("on the server: open to fetch")
            return self.tr("Not on this laptop yet, but on the server: open it (double-click or Enter) to fetch it.")
        if short:
            return self.tr("on {laptop}").format(laptop=self.laptop_of(item))
        return self.tr("Not received on this laptop yet; it is on {laptop}, and comes with its changes.").format(
            laptop=self.laptop_of(item)
        )

    def _tooltip(self, item: AttachmentItem) -> str:
        size = self.tr("{size} MB").format(size=megabytes(item.size))
        if item.width and item.height:
            size += f" · {item.width} × {item.height} px"
        lines = [item.caption, item.file_name, size]
        if not self._ws.files.has(item.sha256):
            lines.append(self.placeholder(item))
        return "\n".join(line for line in lines if line)

    def _current_id(self) -> str | None:
        entry = self.list.currentItem() if hasattr(self, "list") else None
        return str(entry.data(ID_ROLE)) if entry is not None else None

    def current(self) -> AttachmentItem | None:
        found = self._current_id()
        return next((item for item in self.items if item.id == found), None)

    def _selected(self, *_args: object) -> None:
        item = self.current()
        self.caption.blockSignals(True)
        self.caption.setText(item.caption if item else "")
        self.caption.blockSignals(False)
        self.scan_box.setChecked(bool(item and item.kind is AttachmentKind.ATTENDANCE_SCAN))
        if item is not None and not self._ws.files.has(item.sha256):
            self.message.info(self.placeholder(item), lasting=True)
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None
        writable = not self._read_only and self.owner_id is not None
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and chosen)
        self.caption.setEnabled(writable and chosen)
        self.scan_box.setEnabled(writable and chosen)

    # -- adding ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        from desktop.store.file_import import ACCEPTED

        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos or files"),
            str(Path.home()),
            self.tr("Photos and documents ({patterns});;All files (*)").format(
                patterns=" ".join(f"*{ext}" for ext in ACCEPTED.split(", "))
            ),
        )
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path], scratch: Path | None = None) -> bool:
        """Store the files off the GUI thread (a photo is reduced first), then record each on the
        GUI thread; a refused file says why and the others go on. `scratch`: a folder of ours
        the files are in (a pasted picture), removed afterwards. Returns whether any were taken."""
        if self._read_only or self.owner_id is None or not paths:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
            return False
        files, owner_entity, owner_id = self._ws.files, self.owner_entity, self.owner_id
        self.message.info(self.tr("Saving {count} file(s)…").format(count=len(paths)), lasting=True)
        self._jobs.run(
            partial(_store_all, files, paths, scratch),
            partial(self._stored, owner_entity, owner_id),
            self._failed,
        )
        return True

    def busy(self) -> bool:
        """Whether files are being saved."""
        return self._jobs.busy()

    def _stored(self, owner_entity: AttachmentOwner, owner_id: str, results: list[StoredFile | str]) -> None:
        added, problems = 0, [r for r in results if isinstance(r, str)]
        here = {item.sha256 for item in self.items} if owner_id == self.owner_id else set()
        for stored in (r for r in results if not isinstance(r, str)):
            if stored.sha256 in here and stored.sha256 in self._lost:  # a lost file put back
                self._lost.discard(stored.sha256)
                added += 1
                continue
            try:
                self._ws.write(attachments.attach, owner_entity, owner_id, stored)
                added += 1
            except MufakatError as exc:
                problems.append(exc.message)
        if owner_id != self.owner_id:  # another record is shown now: it was saved all the same
            return
        self.reload()
        if added:
            self.list.setCurrentRow(self.list.count() - 1)
            self.changed.emit()
        if problems:
            self.message.error("\n".join(problems))
        elif added:
            self.message.info(self.tr("{count} file(s) saved.").format(count=added))
        else:
            self.message.clear_message()

    def _failed(self, error: BaseException) -> None:
        self.message.error(str(error))

    def paste(self) -> None:
        self.add_from(QGuiApplication.clipboard().mimeData())

    def add_from(self, mime: QMimeData | None) -> bool:
        """Files named by `mime` (copied or dragged from a file manager), or a picture in it."""
        if mime is None:
            return False
        paths = _local_files(mime)
        if paths:
            return self.add_files(paths)
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                scratch = Path(tempfile.mkdtemp(prefix="mufakat-paste-"))
                pasted = scratch / self.tr("pasted picture.png")
                image.save(str(pasted))  # PNG, by its name
                return self.add_files([pasted], scratch)
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._read_only and self.owner_id is not None and _local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self.add_from(event.mimeData()):
            event.acceptProposedAction()

    # -- changing ----------------------------------------------------------------------------
    def save_caption(self) -> None:
        item = self.current()
        if item is None or self._read_only or self.caption.text() == item.caption:
            return
        try:
            self._ws.write(attachments.set_caption, item.id, self.caption.text())
        except MufakatError as exc:
            self.message.error(exc.message, self.caption)
            return
        self.reload()
        self.changed.emit()

    def _mark_scan(self, checked: bool) -> None:
        item = self.current()
        if item is None:
            return
        kind = AttachmentKind.ATTENDANCE_SCAN if checked else AttachmentKind.DOCUMENT
        if not checked and item.media_type.startswith("image/"):
            kind = AttachmentKind.PHOTO
        try:
            self._ws.write(attachments.set_kind, item.id, kind)
        except MufakatError as exc:
            self.message.error(exc.message)
        self.reload()
        self.changed.emit()

    def remove_selected(self) -> None:
        item = self.current()
        if item is None or self._read_only:
            return
        try:
            self._ws.write(attachments.remove, item.id)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        name = item.caption or item.file_name
        step = RemoveStep(self._ws, self.message.error, self.tr("remove “{name}”").format(name=name), item.id)
        self.undo_stack.push(step)
        self.undo_bar.say(self.tr("Removed: “{name}”").format(name=name))
        self.reload()
        self.changed.emit()

    def _said(self, text: str) -> None:
        self.undo_bar.say(text)
        self.reload()
        self.changed.emit()

    # -- opening -----------------------------------------------------------------------------
    def _open_item(self, entry: QListWidgetItem) -> None:
        found = str(entry.data(ID_ROLE))
        item = next((i for i in self.items if i.id == found), None)
        if item is not None:
            self.open(item)

    def open(self, item: AttachmentItem) -> QWidget | None:
        """A photo large in a window of its own; a document in the program the computer opens
        it with (a copy under its own name, in a temporary folder)."""
        path = self._ws.files.path_of(item.sha256)
        if not path.is_file():
            if self._where(item) == ON_SERVER:
                self._fetch(item)  # from the server, then opened (files fetched on demand)
            else:
                self.message.error(self.placeholder(item))
            return None
        if item.is_photo:
            from desktop.views.attachment_viewer import AttachmentViewer

            viewer = AttachmentViewer(path, item.caption or item.file_name, self)
            viewer.show()
            return viewer
        copy = Path(tempfile.mkdtemp(prefix="mufakat-")) / item.file_name
        copy.write_bytes(path.read_bytes())
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
        return None

    def _fetch(self, item: AttachmentItem) -> None:
        self.message.info(self.tr("Fetching the file from the server…"))

        def fetched(_path: Path) -> None:
            self.message.clear_message()
            self.reload()
            self.open(item)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, SyncRefused):  # not on the server (yet): where it is
                self.message.error(
                    self.tr("The server does not have it yet; it is on {laptop}.").format(laptop=self.laptop_of(item))
                )
            else:
                self.message.error(
                    self.tr("The server could not be reached; open it again once this laptop is online.")
                )

        self._jobs.run(lambda: fetch_one(self._ws, item.sha256, item.size), fetched, failed, slot=item.sha256)


def _store_all(files: FileStore, paths: list[Path], scratch: Path | None) -> list[StoredFile | str]:
    """Each file stored (off the GUI thread), or what is wrong with it."""
    results: list[StoredFile | str] = []
    try:
        for path in paths:
            try:
                results.append(attachments.store_file(files, path))
            except MufakatError as exc:
                results.append(exc.message)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return results


def _local_files(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
