"""The satisfaction survey (SKM): periods, fast entry of paper questionnaires (nine keys 1–4,
Enter for the next respondent), import from a spreadsheet, and the result: a bar per element,
the index (IKM), its grade, the sample check and the element to improve first."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, MufakatError, RowErrors
from desktop.core.i18n import number
from desktop.core.vocab import AgeBand, Education, Gender, IkmMethod, Occupation, label
from desktop.rules import skm
from desktop.services.surveys import (
    SurveyResult,
    add_response,
    import_responses,
    issue_report,
    periods_of,
    remove_response,
    reopen_report,
    report_issued,
    responses_of,
    survey_result,
)
from desktop.views.common import EnumCombo, InlineMessage
from desktop.views.look import icon, page_title, primary
from desktop.views.survey_dialog import NewSurveyDialog
from protocol.roles import Act

if TYPE_CHECKING:
    from desktop.views.document_dialog import DocumentDialog
    from desktop.views.survey_actions_dialog import SurveyActionsDialog

ID_ROLE = Qt.ItemDataRole.UserRole
GRADE_COLOURS = {"A": "#1b5e20", "B": "#2e7d32", "C": "#f9a825", "D": "#c62828"}



def _figure(value: Decimal) -> str:
    """An SKM figure as the regulation's forms write it, in either language (as its grade labels)."""
    return number(value, language="id")


class SurveyPage(QWidget):
    changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.result: SurveyResult | None = None
        # -- periods
        self.periods = QListWidget()
        self.periods.currentItemChanged.connect(lambda *_: self.show_period())
        self.new_button = primary(QPushButton(self.tr("&New period…")), "new")
        self.new_button.clicked.connect(self.new_period)
        self.import_button = QPushButton(icon("import"), self.tr("&Import questionnaires…"))
        self.import_button.clicked.connect(self.choose_import)
        self.report_button = QPushButton(icon("documents"), self.tr("&Report…"))
        self.report_button.clicked.connect(lambda: self.open_report())
        self.plan_button = QPushButton(icon("follow-up"), self.tr("Follow-up p&lan (RTL)…"))
        self.plan_button.setToolTip(self.tr("What the office will do about the elements to improve, and what it did"))
        self.plan_button.clicked.connect(self.open_plan)
        self.realisation_button = QPushButton(icon("documents"), self.tr("Realisa&tion of the plan…"))
        self.realisation_button.clicked.connect(lambda: self.open_report("survey-actions-report"))
        self.issue_button = QPushButton(self.tr("Iss&ue the report…"))
        self.issue_button.setToolTip(
            self.tr("Issue (terbitkan) the report today: its date is fixed, the DRAF mark goes")
        )
        self.issue_button.clicked.connect(self.issue_report)
        # An issued report's questionnaires are fixed; the office re-opens it as a new version.
        self.reopen_button = QPushButton(self.tr("Re-&open the report…"))
        self.reopen_button.setToolTip(
            self.tr("Re-open the issued report to correct its questionnaires: a new version, the reason kept")
        )
        self.reopen_button.clicked.connect(self.reopen_report)
        self.issued_label = QLabel()
        self.issued_label.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>" + self.tr("Survey periods") + "</b>"))
        left_layout.addWidget(self.periods, 1)
        for button in (
            self.new_button,
            self.import_button,
            self.report_button,
            self.issue_button,
            self.reopen_button,
            self.plan_button,
            self.realisation_button,
        ):
            left_layout.addWidget(button)
        left_layout.addWidget(self.issued_label)

        # -- fast entry
        self.scores = QLineEdit()
        self.scores.setValidator(QRegularExpressionValidator(QRegularExpression("[1-4]{0,9}"), self.scores))
        self.scores.setMaxLength(9)
        self.scores.setPlaceholderText(self.tr("nine digits 1–4, e.g. 343433323"))
        font = QFont("monospace")
        font.setPointSize(16)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 6)
        self.scores.setFont(font)
        self.scores.textChanged.connect(self._show_typed)
        self.scores.returnPressed.connect(self.save_questionnaire)
        self.typed = QLabel()
        self.typed.setWordWrap(True)
        self.gender = EnumCombo(Gender, blank=self.tr("(gender)"))
        self.age = EnumCombo(AgeBand, blank=self.tr("(age)"))
        self.education = EnumCombo(Education, blank=self.tr("(education)"))
        self.occupation = EnumCombo(Occupation, blank=self.tr("(occupation)"))
        self.service = QLineEdit()
        self.service.setPlaceholderText(self.tr("service used (optional)"))
        self.service.returnPressed.connect(self.save_questionnaire)
        self.message = InlineMessage()
        self.undo_button = QPushButton(icon("undo"), self.tr("Remove the last questionnaire"))
        self.undo_button.clicked.connect(self.remove_last)
        entry = QGroupBox(self.tr("Enter a paper questionnaire (Enter saves, then the next one)"))
        entry_form = QFormLayout(entry)
        entry_form.addRow(self.tr("&Scores U1…U9"), self.scores)
        entry_form.addRow("", self.typed)
        profile = QHBoxLayout()
        for widget in (self.gender, self.age, self.education, self.occupation):
            profile.addWidget(widget)
        entry_form.addRow(self.tr("Profile (optional)"), profile)
        entry_form.addRow(self.tr("Service"), self.service)
        entry_form.addRow(self.message)
        entry_form.addRow(self.undo_button)

        # -- result
        self.index_label = QLabel()
        self.index_label.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.method_label = QLabel()
        self.method_label.setWordWrap(True)
        # Near a band's edge the two methods grade differently: the office should know.
        self.method_warning = QLabel()
        self.method_warning.setWordWrap(True)
        self.method_warning.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 6px; border-radius: 4px;"
        )
        self.method_warning.hide()
        self.sample_label = QLabel()
        self.sample_label.setWordWrap(True)
        self.priority_label = QLabel()
        self.priority_label.setWordWrap(True)
        self.bars: list[QProgressBar] = []
        grid = QGridLayout()
        for row, element in enumerate(skm.ELEMENTS):
            grid.addWidget(QLabel(f"U{element.number} {element.name}"), row, 0)
            bar = QProgressBar()
            bar.setRange(2500, 10000)  # the converted score ×100, so two decimals show
            bar.setTextVisible(True)
            grid.addWidget(bar, row, 1)
            self.bars.append(bar)
        result = QGroupBox(self.tr("Result"))
        result_layout = QVBoxLayout(result)
        result_layout.addWidget(self.index_label)
        result_layout.addWidget(self.method_label)
        result_layout.addWidget(self.method_warning)
        result_layout.addWidget(self.sample_label)
        result_layout.addLayout(grid)
        result_layout.addWidget(self.priority_label)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        right_layout.addWidget(self.heading)
        right_layout.addWidget(entry)
        right_layout.addWidget(result, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Satisfaction survey (SKM)")))
        layout.addWidget(splitter, 1)
        self._show_typed("")

    # -- periods ----------------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.period_id()
        self.periods.blockSignals(True)
        self.periods.clear()
        for period in self._ws.read(periods_of, self._ws.ctx.home_unit_id):
            item = QListWidgetItem(
                f"{period.title}\n{period.starts_on.strftime('%d-%m-%Y')} – {period.ends_on.strftime('%d-%m-%Y')}"
            )
            item.setData(ID_ROLE, period.id)
            self.periods.addItem(item)
            if period.id == keep:
                self.periods.setCurrentItem(item)
        if self.periods.currentRow() < 0 and self.periods.count():
            self.periods.setCurrentRow(0)
        self.periods.blockSignals(False)
        self.show_period()

    def period_id(self) -> str | None:
        item = self.periods.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def apply_roles(self, may: Callable[[Act], bool]) -> None:
        """Only who may record the survey or issue its report sees how (the services refuse it anyway)."""
        for button in (self.new_button, self.import_button):
            button.setVisible(may(Act.SURVEY))
        self.issue_button.setVisible(may(Act.PUBLISH))

    def new_period(self) -> None:
        dialog = NewSurveyDialog(self._ws, self)
        if dialog.exec() and dialog.period_id:
            self.reload()
            self.select_period(dialog.period_id)

    def select_period(self, period_id: str) -> None:
        for row in range(self.periods.count()):
            if self.periods.item(row).data(ID_ROLE) == period_id:
                self.periods.setCurrentRow(row)

    # -- the result ---------------------------------------------------------------------------
    def show_period(self) -> None:
        period_id = self.period_id()
        chosen = period_id is not None
        issued = self._ws.read(report_issued, period_id) if period_id else None
        for widget in (self.report_button, self.plan_button, self.realisation_button):
            widget.setEnabled(chosen)
        # Questionnaires are fixed once the report is issued (the services refuse them too).
        entry: tuple[QWidget, ...] = (self.scores, self.service, self.import_button, self.undo_button)
        for each in entry:
            each.setEnabled(chosen and issued is None)
        self.issue_button.setEnabled(chosen and issued is None)
        self.reopen_button.setVisible(issued is not None)
        self.issued_label.setText(
            self.tr(
                "Report issued on {day} (version {version}): its questionnaires are fixed. To correct "
                "them, re-open the report."
            ).format(day=issued.issued_on.strftime("%d-%m-%Y"), version=issued.version)
            if issued is not None
            else ""
        )
        self.result = self._ws.read(survey_result, period_id) if period_id else None
        result = self.result
        if result is None:
            self.heading.setText(self.tr("Create a survey period to start entering questionnaires."))
            self._show_method(None)
            self.index_label.setText("")
            self.sample_label.setText("")
            self.priority_label.setText("")
            for bar in self.bars:
                bar.setValue(2500)
                bar.setFormat("")
            return
        self.heading.setText(f"<b>{result.period.title}</b> — {result.unit_name}")
        if result.required is None:
            sample = self.tr(
                "{n} questionnaire(s). Enter the number of service users to check the sample size."
            )
        elif result.too_few:
            sample = self.tr(
                "{n} questionnaire(s): {missing} more needed for the minimum sample of {required} "
                "(Krejcie–Morgan, {users} service users)."
            )
        else:
            sample = self.tr(
                "{n} questionnaire(s): the minimum sample of {required} is reached "
                "(Krejcie–Morgan, {users} service users)."
            )
        self.sample_label.setText(
            sample.format(
                n=number(result.respondents),
                required=number(result.required or 0),
                missing=number((result.required or 0) - result.respondents),
                users=number(result.period.service_users or 0),
            )
        )
        self.sample_label.setStyleSheet("color: #b00020; font-weight: bold;" if result.too_few else "")
        score = result.score
        self._show_method(score)
        if score is None:
            self.index_label.setText(self.tr("No questionnaires yet"))
            self.priority_label.setText("")
            for bar in self.bars:
                bar.setValue(2500)
                bar.setFormat("")
            return
        colour = GRADE_COLOURS[score.grade.letter]
        self.index_label.setText(
            self.tr("IKM {index} — {letter} ({label})").format(
                index=_figure(score.index), letter=score.grade.letter, label=score.grade.label
            )
        )
        self.index_label.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        weakest = {e.number for e in score.priority}
        for bar, element in zip(self.bars, score.elements, strict=True):
            bar.setValue(int(element.converted * 100))
            bar.setFormat(f"{_figure(element.converted)}  (NRR {_figure(element.nrr)})")
            chunk = "#c62828" if element.element.number in weakest else colour
            bar.setStyleSheet(f"QProgressBar::chunk {{ background: {chunk}; }}")
        self.priority_label.setText(
            self.tr("Improve first: {elements} (lowest NRR)").format(
                elements=", ".join(f"U{e.number} {e.name}" for e in score.priority)
            )
        )

    def _show_method(self, score: skm.SurveyScore | None) -> None:
        """The office's IKM method under the index, and a warning when the other method would
        give another grade."""
        self.method_label.setText(
            ""
            if score is None
            else self.tr("Method: {method} (the office's choice, in Settings → Office).").format(
                method=label(score.method)
            )
        )
        self.method_warning.setVisible(score is not None and score.methods_disagree)
        if score is None or not score.methods_disagree:
            self.method_warning.setText("")
            return
        lines = [
            self.tr("{method}: IKM {index} — {letter} ({label})").format(
                method=label(method),
                index=_figure(score.indexes[method]),
                letter=score.grade_by(method).letter,
                label=score.grade_by(method).label,
            )
            for method in IkmMethod
        ]
        self.method_warning.setText(
            self.tr(
                "The two ways of weighing the elements give different grades here:<br>{lines}<br>"
                "The report prints the office's method and says which it is."
            ).format(lines="<br>".join(lines))
        )

    # -- entry --------------------------------------------------------------------------------
    def _show_typed(self, text: str) -> None:
        parts = []
        for index, element in enumerate(skm.ELEMENTS):
            if index < len(text):
                answer = element.answers[int(text[index]) - 1]
                parts.append(f"<b>U{element.number}</b> {text[index]} {answer}")
            else:
                parts.append(f"<span style='color:#999'>U{element.number} ·</span>")
        self.typed.setText(" · ".join(parts))

    def save_questionnaire(self) -> bool:
        period_id = self.period_id()
        if period_id is None:
            return False
        typed = self.scores.text()
        if len(typed) != len(skm.ELEMENTS):
            self.message.error(
                self.tr("Type all nine scores (you typed {n}); each is 1, 2, 3 or 4.").format(n=len(typed))
            )
            return False
        try:
            self._ws.write(
                add_response,
                period_id,
                list(typed),
                gender=self.gender.value(),
                age_band=self.age.value(),
                education=self.education.value(),
                occupation=self.occupation.value(),
                service=self.service.text(),
            )
        except MufakatError as exc:
            self.message.error(exc.message)
            return False
        for combo in (self.gender, self.age, self.education, self.occupation):
            combo.setCurrentIndex(0)
        self.scores.clear()
        self.show_period()
        self.message.info(
            self.tr("Questionnaire {n} saved.").format(n=number(self.result.respondents if self.result else 0))
        )
        self.scores.setFocus()
        self.changed.emit()
        return True

    def remove_last(self) -> None:
        period_id = self.period_id()
        responses = self._ws.read(responses_of, period_id) if period_id else []
        if not responses:
            return
        self._ws.write(remove_response, responses[-1].id)
        self.show_period()
        self.message.info(self.tr("The last questionnaire was removed."))

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import questionnaires"), str(Path.home()), self.tr("Spreadsheets (*.xlsx *.csv)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        period_id = self.period_id()
        if period_id is None:
            return False
        try:
            from desktop.services.survey_import import parse_responses  # openpyxl & co: on first use

            added = self._ws.write(import_responses, period_id, parse_responses(path))
        except RowErrors as exc:
            line = self.tr("line {line}: {problem}")
            lines = "\n".join(line.format(line=n, problem=p) for n, p in exc.problems[:20])
            QMessageBox.warning(self, self.tr("Import questionnaires"), exc.message + "\n\n" + lines)
            return False
        except MufakatError as exc:
            QMessageBox.warning(self, self.tr("Import questionnaires"), exc.message)
            return False
        self.show_period()
        self.message.info(self.tr("{n} questionnaire(s) imported.").format(n=number(added)))
        return True

    def issue_report(self) -> None:
        """Terbitkan: fix the report's date (today, the office's), after a confirmation."""
        period_id = self.period_id()
        if period_id is None or self.result is None:
            return
        question = self.tr(
            "Issue the report of {period} today? Its date and its questionnaires are fixed from then "
            "on, it prints without the DRAF mark, and its history keeps who issued it."
        ).format(period=self.result.period.title)
        title = self.tr("Issue the report")
        if QMessageBox.question(self, title, question) != QMessageBox.StandardButton.Yes:
            return
        try:
            day = self._ws.write(issue_report, period_id)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.show_period()
        self.message.info(self.tr("The report is issued, dated {day}.").format(day=day.strftime("%d-%m-%Y")))

    def reopen_report(self) -> None:
        """The issued report re-opened, for a reason the history keeps (asked until given)."""
        period_id = self.period_id()
        if period_id is None:
            return
        title = self.tr("Re-open the report")
        while True:
            reason, ok = QInputDialog.getMultiLineText(
                self,
                title,
                self.tr(
                    "Why is the issued report re-opened? Its questionnaires may then change, and issuing "
                    "it again makes a new version; the reason is kept in its history (e.g. questionnaires "
                    "from the front desk found after it was issued)."
                ),
            )
            if not ok:
                return
            try:
                version = self._ws.write(reopen_report, period_id, reason)
            except InputError as exc:  # no reason given: say so, and ask again
                QMessageBox.warning(self, title, exc.message)
                continue
            except MufakatError as exc:
                self.message.error(exc.message)
                return
            break
        self.show_period()
        self.message.info(
            self.tr("Version {version} of the report is re-opened: questionnaires may change.").format(
                version=version
            )
        )

    def open_report(self, kind: str = "survey-report") -> DocumentDialog | None:
        from desktop.views.document_dialog import DocumentDialog, survey_report_document  # on first use

        period_id = self.period_id()
        if period_id is None:
            return None
        dialog = DocumentDialog(survey_report_document(self._ws, period_id, kind), self)
        dialog.show()
        return dialog

    def open_plan(self) -> SurveyActionsDialog | None:
        """The period's rencana tindak lanjut, to plan and to record what was done."""
        from desktop.views.survey_actions_dialog import SurveyActionsDialog

        period_id = self.period_id()
        if period_id is None:
            return None
        dialog = SurveyActionsDialog(self._ws, period_id, self)
        dialog.show()
        return dialog
