"""The life-cycle actions on recommendations as the user takes them: asking for the reason,
the evidence or the note an action needs, then one transaction per recommendation. Used by
the triage board's detail pane and by its bulk actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.i18n import number
from desktop.services import lifecycle
from desktop.services import recommendations as recs
from desktop.services.escalations import escalate
from protocol.roles import Act, act_of

# Actions the board offers as buttons (merge is done by selecting two; answering has its dialog).
BUTTON_ACTIONS = ("accept", "reject", "start", "complete", "escalate")
BULK_ACTIONS = ("accept", "reject", "escalate")
CONTEXT = "RecActions"


def action_act(name: str) -> Act:
    """The act a life-cycle action on a recommendation is (who may take it: protocol.roles)."""
    act = act_of("recommendations", "transition", name)
    assert act is not None, name
    return act


# What a button says (an instruction: "Terima", not the verb of a sentence, "menerima").
LABELS = {
    "accept": str(QT_TRANSLATE_NOOP("RecActions", "Accept")),
    "reject": str(QT_TRANSLATE_NOOP("RecActions", "Reject…")),
    "start": str(QT_TRANSLATE_NOOP("RecActions", "Start follow-up")),
    "complete": str(QT_TRANSLATE_NOOP("RecActions", "Mark done…")),
    "escalate": str(QT_TRANSLATE_NOOP("RecActions", "Escalate…")),
}
# What an action asks before it is taken: the question, and whether an answer is needed.
PROMPTS = {
    "reject": (
        str(
            QT_TRANSLATE_NOOP("RecActions", "Why is it rejected? (the follow-up and implementation reports show this)")
        ),
        True,
    ),
    "complete": (str(QT_TRANSLATE_NOOP("RecActions", "What shows it is done? (a document, a photo, a link)")), True),
    "escalate": (str(QT_TRANSLATE_NOOP("RecActions", "A note for the parent office (optional)")), False),
}
# The result of an action on several recommendations, when some could not take it.
REFUSED = {
    "accept": str(QT_TRANSLATE_NOOP("RecActions", "{done} of {total} accepted; {refused} could not be:")),
    "reject": str(QT_TRANSLATE_NOOP("RecActions", "{done} of {total} rejected; {refused} could not be:")),
    "start": str(QT_TRANSLATE_NOOP("RecActions", "Follow-up started for {done} of {total}; {refused} could not be:")),
    "complete": str(QT_TRANSLATE_NOOP("RecActions", "{done} of {total} marked done; {refused} could not be:")),
    "escalate": str(QT_TRANSLATE_NOOP("RecActions", "{done} of {total} escalated; {refused} could not be:")),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_label(name: str) -> str:
    """The action's name as its button says it."""
    return _t(LABELS[name])


def _title(action: str) -> str:
    return action_label(action).rstrip("…")


def _ask(parent: QWidget, action: str) -> str | None:
    """The reason, evidence or note `action` needs (None: the user cancelled)."""
    prompt, required = PROMPTS[action]
    while True:
        text, ok = QInputDialog.getMultiLineText(parent, _title(action), _t(prompt))
        if not ok:
            return None
        if text.strip() or not required:
            return text.strip()
        QMessageBox.warning(
            parent,
            _title(action),
            QCoreApplication.translate(CONTEXT, "This cannot be empty; write it, or cancel."),
        )


def refusal_text(action: str, done: int, refused: Sequence[str]) -> str:
    """What a bulk action says when some recommendations could not take it (at most ten named)."""
    head = _t(REFUSED[action]).format(
        done=number(done), total=number(done + len(refused)), refused=number(len(refused))
    )
    return head + "\n\n" + "\n".join(f"• {m}" for m in refused[:10])


def perform(parent: QWidget, ws: Workspace, action: str, rec_ids: Sequence[str]) -> int:
    """Take `action` on each recommendation; returns how many changed. Refusals are reported
    together at the end (the others still go through: each is its own transaction)."""
    step: Callable[[str], object]
    if action == "accept":
        step = lambda rec_id: ws.write(recs.accept, rec_id)  # noqa: E731
    elif action == "start":
        step = lambda rec_id: ws.write(recs.start, rec_id)  # noqa: E731
    elif action == "complete" and len(rec_ids) == 1:  # its evidence: a text, files, or both
        from desktop.views.complete_dialog import CompleteDialog

        refused_first = ws.read(lifecycle.refusals, action, rec_ids)
        if refused_first:
            QMessageBox.warning(parent, _title(action), refusal_text(action, 0, refused_first))
            return 0
        return 1 if CompleteDialog(ws, rec_ids[0], parent).exec() else 0
    elif action in PROMPTS:
        refused_first = ws.read(lifecycle.refusals, action, rec_ids)
        if len(refused_first) == len(rec_ids):  # none can: say so before asking for a text
            QMessageBox.warning(parent, _title(action), refusal_text(action, 0, refused_first))
            return 0
        answer = _ask(parent, action)
        if answer is None:
            return 0
        services: dict[str, Callable[..., object]] = {
            "reject": recs.reject,
            "complete": recs.complete,
            "escalate": escalate,
        }
        service = services[action]
        step = lambda rec_id: ws.write(service, rec_id, answer)  # noqa: E731
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
        QMessageBox.warning(parent, _title(action), refusal_text(action, done, refused))
    return done
