"""The QR code that opens the forum's public page on the server (issue 17), with its address
printed beside it for a reader without a phone. reportlab draws it (its own QR encoder): no new
dependency."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from desktop.reports.layout import Styles, text

SIDE = 28 * mm  # large enough for a phone's camera at arm's length, small beside the text


def public_page_qr(address: str, width: float) -> Flowable:
    widget = QrCodeWidget(address, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(SIDE, SIDE, transform=[SIDE / (right - left), 0, 0, SIDE / (top - bottom), 0, 0])
    drawing.add(widget)
    words = text(
        "Tindak lanjut forum ini dapat dipantau masyarakat di laman publik kantor (pindai kode QR): "
        + address,
        Styles.note,
    )
    table = Table([[drawing, words]], colWidths=[SIDE + 4 * mm, width - SIDE - 4 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    return table
