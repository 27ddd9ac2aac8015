"""The body-part picker: a filterable list of sites, a side for paired ones, and removable chips."""

from __future__ import annotations

from PySide6.QtCore import Property, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import language
from app.dialogs.widgets import FieldMessage, FlowLayout
from app.services import body_sites
from app.services.body_sites import BodyPart
from app.services.errors import ValidationError
from app.services.text import fold

# Typing "left knee", "r shoulder", "bilateral knees", "rodilla der" or "ambas rodillas" in the
# filter picks the side as well.
SIDE_WORDS = {
    "left": "left",
    "l": "left",
    "lt": "left",
    "right": "right",
    "r": "right",
    "rt": "right",
    "both": "both",
    "bilateral": "both",
    "b/l": "both",
    "izquierda": "left",
    "izquierdo": "left",
    "izq": "left",
    "izqda": "left",
    "izqdo": "left",
    "izda": "left",
    "izdo": "left",
    "derecha": "right",
    "derecho": "right",
    "der": "right",
    "dcha": "right",
    "dcho": "right",
    "ambas": "both",
    "ambos": "both",
}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def split_side(text: str) -> tuple[str, str]:
    """'left knee' -> ('left', 'knee'); 'hip right' -> ('right', 'hip'); 'knee' -> ('', 'knee')."""
    words = text.strip().split()
    first, last = (fold(words[0]), fold(words[-1])) if words else ("", "")
    if len(words) >= 2 and first in SIDE_WORDS:
        return SIDE_WORDS[first], " ".join(words[1:])
    if len(words) >= 2 and last in SIDE_WORDS:
        return SIDE_WORDS[last], " ".join(words[:-1])
    return "", text.strip()


class BodyPartPicker(QWidget):
    """Exposes `labels` (list of str, e.g. ["Left knee", "Neck"]) as a property with a signal."""

    labelsChanged = Signal(list)  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parts: list[BodyPart] = []
        self._side_site = ""  # the site the radio buttons' side was chosen for
        self.filter = QLineEdit(objectName="bodyPartFilter")
        self.filter.setPlaceholderText(
            self.tr("Type to find a body part, e.g. knee, lumbar, left hip")
        )
        self.filter.setClearButtonEnabled(True)
        self.sites = QListWidget(objectName="bodyPartSites")
        self.language = language.current()  # the words of the sites and chips
        for site in body_sites.catalogue():
            item = QListWidgetItem(site.title(self.language))
            item.setData(Qt.ItemDataRole.UserRole, site.key)
            if site.synonyms_in(self.language):
                item.setToolTip(", ".join(site.synonyms_in(self.language)))
            self.sites.addItem(item)
        self.sites.setCurrentRow(0)
        self.side_group = QButtonGroup(self)
        self.side_buttons: dict[str, QRadioButton] = {}
        sides = QHBoxLayout()
        sides.addWidget(QLabel(self.tr("Side:")))
        for key, text in (
            ("left", self.tr("&Left")),
            ("right", self.tr("&Right")),
            ("both", self.tr("Bot&h")),
        ):
            button = QRadioButton(text, objectName=f"side{key.capitalize()}")
            self.side_group.addButton(button)
            self.side_buttons[key] = button
            sides.addWidget(button)
        sides.addStretch(1)
        self.add_button = QPushButton(self.tr("&Add body part"), objectName="addBodyPartButton")
        self.add_button.setAutoDefault(False)
        sides.addWidget(self.add_button)
        self.chips = QWidget(objectName="bodyPartChips")
        self.chip_flow = FlowLayout(self.chips)
        self.none_chosen = QLabel(self.tr("No body part chosen yet."))
        self.none_chosen.setEnabled(False)
        self.message = FieldMessage(self)
        self.message.setObjectName("bodyPartsMessage")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.sites, 1)
        layout.addLayout(sides)
        layout.addWidget(QLabel(self.tr("Chosen (click one to remove it):")))
        layout.addWidget(self.none_chosen)
        layout.addWidget(self.chips)
        layout.addWidget(self.message)

        self.filter.textChanged.connect(self._apply_filter)
        self.sites.currentItemChanged.connect(self._on_current_site)
        self.sites.itemActivated.connect(lambda _item: self.add_current())
        self.add_button.clicked.connect(self.add_current)
        for widget in (self.filter, self.sites, *self.side_buttons.values()):
            widget.installEventFilter(self)
        self.setTabOrder(self.filter, self.sites)
        self._on_current_site()

    def parts(self) -> list[BodyPart]:
        return list(self._parts)

    def keys(self) -> list[tuple[str, str]]:
        """The chosen parts as (site, side): what the services are given, never the labels."""
        return [(p.site, p.side) for p in self._parts]

    # -- the property the wizard registers as "bodyParts" --------------------------------
    def get_labels(self) -> list[str]:
        return [p.label for p in self._parts]

    def set_labels(self, labels: list[str]) -> None:
        parts: list[BodyPart] = []
        refused = ""
        for label in labels or []:
            try:
                part = body_sites.parse_label(label)
            except ValidationError as exc:
                refused = exc.message
                continue
            if all((p.site, p.side) != (part.site, part.side) for p in parts):
                parts.append(part)
        self._set_parts(parts)
        if refused:  # after _set_parts, which clears the message once something is chosen
            self.message.say(refused)

    labels = Property("QStringList", get_labels, set_labels, notify=labelsChanged)

    # -- choosing ------------------------------------------------------------------------
    def current_site(self) -> body_sites.BodySite | None:
        item = self.sites.currentItem()
        if item is None or item.isHidden():
            return None
        return body_sites.site(item.data(Qt.ItemDataRole.UserRole))

    def chosen_side(self) -> str:
        button = self.side_group.checkedButton()
        return next((k for k, b in self.side_buttons.items() if b is button), "")

    def add_current(self) -> bool:
        """Adds the highlighted site with the chosen side; says what is missing otherwise."""
        site = self.current_site()
        if site is None:
            self.message.say(self.tr("No body part matches what you typed."))
            return False
        # A side typed with the site wins over the radio buttons, which may still show an
        # earlier choice.
        typed_side, _words = split_side(self.filter.text())
        side = (typed_side or self.chosen_side()) if site.paired else ""
        if site.paired and not side:
            self.message.say(
                self.tr("Choose a side for %1: left, right or both.").replace(
                    "%1", site.name_in(self.language)
                )
            )
            # Typing goes on in the search box: "right hip" replaces the bare "hip".
            self.filter.setFocus()
            self.filter.selectAll()
            return False
        self.add_part(body_sites.body_part(site.key, side))
        self.filter.clear()
        self.clear_side()  # the next paired part asks for its own side
        self.filter.setFocus()
        return True

    def clear_side(self) -> None:
        """No side chosen: an exclusive group cannot uncheck its last button by itself."""
        self.side_group.setExclusive(False)
        for button in self.side_buttons.values():
            button.setChecked(False)
        self.side_group.setExclusive(True)

    def add_part(self, part: BodyPart) -> None:
        parts = [p for p in self._parts if (p.site, p.side) != (part.site, part.side)]
        if part.side == "both":  # "Both knees" says all there is to say about left and right
            parts = [p for p in parts if p.site != part.site]
        self._set_parts([*parts, part])

    def remove_label(self, label: str) -> None:
        self._set_parts([p for p in self._parts if p.label != label])
        self.filter.setFocus()

    def _set_parts(self, parts: list[BodyPart]) -> None:
        changed = [p.label for p in parts] != self.get_labels()
        self._parts = parts
        self._rebuild_chips()
        if parts:
            self.message.say("")
        if changed:
            self.labelsChanged.emit(self.get_labels())

    def _rebuild_chips(self) -> None:
        while (item := self.chip_flow.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        previous: QWidget = self.add_button
        for part in self._parts:
            chip = QToolButton(self.chips)
            shown = body_sites.label(part.site, part.side, self.language)
            chip.setText(f"{shown}  \u2715")
            chip.setToolTip(self.tr("Remove %1").replace("%1", shown))
            chip.setAccessibleName(self.tr("Remove %1").replace("%1", shown))
            chip.setProperty("bodyPart", part.label)  # the English label the field holds
            chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            chip.clicked.connect(lambda _=False, label=part.label: self.remove_label(label))
            self.chip_flow.addWidget(chip)
            QWidget.setTabOrder(previous, chip)
            previous = chip
        self.none_chosen.setVisible(not self._parts)
        self.chips.updateGeometry()

    # -- filtering and keys ----------------------------------------------------------------
    def _apply_filter(self, text: str) -> None:
        side, words = split_side(text)
        first_visible = None
        for row in range(self.sites.count()):
            item = self.sites.item(row)
            site = body_sites.site(item.data(Qt.ItemDataRole.UserRole))
            hidden = not body_sites.matches(site, words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.sites.currentItem()
        if first_visible is not None and (current is None or current.isHidden() or not text):
            self.sites.setCurrentItem(first_visible)
        if side:
            self.side_buttons[side].setChecked(True)

    def _on_current_site(self, *_args) -> None:
        site = self.current_site()
        if site is None or site.key != self._side_site:
            # A side chosen for one site never carries over to another.
            self._side_site = site.key if site else ""
            if not split_side(self.filter.text())[0]:
                self.clear_side()
        paired = bool(site and site.paired)
        for button in self.side_buttons.values():
            button.setEnabled(paired)

    def _move_current(self, step: int) -> None:
        rows = [r for r in range(self.sites.count()) if not self.sites.item(r).isHidden()]
        if not rows:
            return
        row = self.sites.currentRow()
        position = rows.index(row) if row in rows else -1
        self.sites.setCurrentRow(rows[max(0, min(len(rows) - 1, position + step))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if watched is self.filter and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move_current(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key in ENTER_KEYS:
            typing = watched is self.filter and self.filter.text().strip()
            if typing or watched is self.sites or isinstance(watched, QAbstractButton):
                self.add_current()
                return True
            # Enter in an empty filter moves the wizard on.
        return False
