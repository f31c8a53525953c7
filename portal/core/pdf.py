"""A tiny but valid PDF, written by hand so that the demo report is a real document.

Japanese text uses the predefined Adobe-Japan1 font HeiseiKakuGo-W5 (no embedding needed; PDF
readers ship it), encoded as UTF-16BE through the UniJIS-UCS2-H CMap.
"""


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _content_stream(title: str, lines: list[str]) -> bytes:
    ops = ["BT", "/F1 10 Tf", "56 800 Td", "(Demo document - JCC portal) Tj", "ET"]
    y = 760
    ops += ["BT", "/F2 18 Tf", f"56 {y} Td", f"<{_utf16_hex(title)}> Tj", "ET"]
    for line in lines:
        y -= 28
        ops += ["BT", "/F2 11 Tf", f"56 {y} Td", f"<{_utf16_hex(line)}> Tj", "ET"]
    return "\n".join(ops).encode("ascii")


def build_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF showing `title` and `lines`."""
    stream = _content_stream(title, lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-H "
        b"/DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> "
        b"/FontDescriptor 8 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 "
        b"/FontBBox [-92 -250 1010 922] /ItalicAngle 0 /Ascent 752 /Descent -221 "
        b"/CapHeight 737 /StemV 114 >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
