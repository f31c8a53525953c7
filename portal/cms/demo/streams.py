"""The StreamField blocks the demo pages are built from, in the raw form a StreamField accepts.

Japanese and English pages use the same helpers, so an English body has the structure of the
Japanese one (a notice, then the paragraphs) and the two can be compared block for block.
"""


def paragraphs(*texts: str) -> list[dict]:
    return [{"type": "paragraph_block", "value": f"<p>{text}</p>"} for text in texts]


def notice(text: str) -> dict:
    return {"type": "callout_block", "value": {"kind": "info", "text": text}}


def heading(text: str) -> dict:
    return {"type": "heading_block", "value": {"heading_text": text, "size": "h2"}}


def bullet_list(*items: str) -> dict:
    rows = "".join(f"<li>{item}</li>" for item in items)
    return {"type": "paragraph_block", "value": f"<ul>{rows}</ul>"}
