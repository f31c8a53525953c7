"""CSV downloads that spreadsheet software in Japan opens safely."""

CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Excel in Japan reads a CSV as Shift_JIS unless it starts with a byte order mark.
UTF8_BOM = "\ufeff"


def csv_cell(value) -> str:
    """Neutralise spreadsheet formulas in user-written text (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_FORMULA_PREFIXES) else text
