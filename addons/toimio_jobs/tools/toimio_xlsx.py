# Copyright 2026 Toimio contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Small XLSX writer on Odoo's bundled ``xlsxwriter`` for the reports' exports."""

import io
from urllib.parse import quote

import xlsxwriter

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_action(record, field_name, filename):
    """Client action downloading the XLSX stored in ``record.field_name``.

    The type is given in the URL: Odoo would otherwise guess it from the first
    kilobyte, which is not enough to open a zip, and log a warning each time.
    """
    return {
        "type": "ir.actions.act_url",
        "url": f"/web/content/{record._name}/{record.id}/{field_name}/"
        f"{quote(filename)}?download=true&mimetype={quote(XLSX_MIMETYPE)}",
        "target": "self",
    }


def build_xlsx(sheets):
    """Bytes of a workbook.

    ``sheets``: list of dicts with ``name``, ``title`` (list of lines written
    above the table), ``header`` (column titles), ``rows`` (lists of values)
    and optional ``widths`` (column widths) and ``total`` (a last row in bold).
    """
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    bold = workbook.add_format({"bold": True})
    title_format = workbook.add_format({"bold": True, "font_size": 14})
    header_format = workbook.add_format(
        {"bold": True, "bg_color": "#D9E2F3", "border": 1, "text_wrap": True}
    )
    number = workbook.add_format({"num_format": "#,##0.##"})
    bold_number = workbook.add_format({"num_format": "#,##0.##", "bold": True})
    for sheet in sheets:
        worksheet = workbook.add_worksheet(sheet["name"][:31])
        row = 0
        for index, line in enumerate(sheet.get("title", [])):
            worksheet.write(row, 0, line, title_format if index == 0 else bold)
            row += 1
        if sheet.get("title"):
            row += 1
        for col, width in enumerate(sheet.get("widths", [])):
            worksheet.set_column(col, col, width)
        worksheet.write_row(row, 0, sheet["header"], header_format)
        worksheet.freeze_panes(row + 1, 0)
        row += 1
        for values in sheet["rows"]:
            for col, value in enumerate(values):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    worksheet.write_number(row, col, value, number)
                else:
                    worksheet.write(row, col, value if value is not None else "")
            row += 1
        if sheet.get("total"):
            for col, value in enumerate(sheet["total"]):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    worksheet.write_number(row, col, value, bold_number)
                else:
                    worksheet.write(row, col, value or "", bold)
    workbook.close()
    return output.getvalue()
