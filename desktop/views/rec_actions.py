"""The life-cycle actions on recommendations as the user takes them: asking for the reason,
the evidence or the note an action needs, then one transaction per recommendation. Used by
the triage board's detail pane and by its bulk actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from desktop.errors import MufakatError
from desktop.i18n import tr
from desktop.services import recommendations as recs
from desktop.services.escalations import escalate
from desktop.services.lifecycle import ACTIONS
from desktop.workspace import Workspace

# Actions the board offers as buttons (merge is done by selecting two; answering has its dialog).
BUTTON_ACTIONS = ("accept", "reject", "start", "complete", "escalate")
BULK_ACTIONS = ("accept", "reject", "escalate")


def _t(text: str) -> str:
    return QCoreApplication.translate("RecActions", text)


def action_label(name: str) -> str:
    """The action's name as a button says it (from the life-cycle table's own labels)."""
    text = tr(ACTIONS[name].label)
    return text[:1].upper() + text[1:]


def _ask(parent: QWidget, title: str, prompt: str, required: bool) -> str | None:
    while True:
        text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
        if not ok:
            return None
        if text.strip() or not required:
            return text.strip()
        QMessageBox.warning(parent, title, _t("This cannot be empty; write it, or cancel."))


def perform(parent: QWidget, ws: Workspace, action: str, rec_ids: Sequence[str]) -> int:
    """Take `action` on each recommendation; returns how many changed. Refusals are reported
    together at the end (the others still go through: each is its own transaction)."""
    step: Callable[[str], object]
    title = action_label(action)
    if action == "accept":
        step = lambda rec_id: ws.write(recs.accept, rec_id)  # noqa: E731
    elif action == "start":
        step = lambda rec_id: ws.write(recs.start, rec_id)  # noqa: E731
    elif action == "reject":
        reason = _ask(
            parent,
            title,
            _t("Why is it rejected? (the minutes and the follow-up report show this)"),
            required=True,
        )
        if reason is None:
            return 0
        step = lambda rec_id: ws.write(recs.reject, rec_id, reason)  # noqa: E731
    elif action == "complete":
        evidence = _ask(
            parent, title, _t("What shows it is done? (a document, a photo, a link)"), required=True
        )
        if evidence is None:
            return 0
        step = lambda rec_id: ws.write(recs.complete, rec_id, evidence)  # noqa: E731
    elif action == "escalate":
        note = _ask(parent, title, _t("A note for the parent office (optional)"), required=False)
        if note is None:
            return 0
        step = lambda rec_id: ws.write(escalate, rec_id, note)  # noqa: E731
    else:
        raise ValueError(action)
    done, refused = 0, []
    for rec_id in rec_ids:
        try:
            step(rec_id)
            done += 1
        except MufakatError as exc:
            refused.append(exc.message)
    if refused:
        QMessageBox.warning(
            parent,
            title,
            _t("{done} done; {refused} refused:").format(done=done, refused=len(refused))
            + "\n\n"
            + "\n".join(f"• {m}" for m in refused[:10]),
        )
    return done
