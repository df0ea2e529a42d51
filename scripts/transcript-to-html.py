#!/usr/bin/env python3
"""Turns a plain-text transcript (sample corpus format) into HTML that LibreOffice converts to
.docx/.odt the way word processors hold transcripts: the header lines in one paragraph with line
breaks, one paragraph per paragraph of speech, speaker labels in bold."""
import html
import re
import sys

label = re.compile(r"^([A-Za-z][A-Za-z0-9 .'-]{0,30}?):\s")


def convert(text: str, title: str) -> str:
    blocks = text.strip("\n").split("\n\n")
    out = [f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"]
    header, body = blocks[0], blocks[1:]
    out.append("<p>" + "<br/>".join(html.escape(line) for line in header.split("\n")) + "</p>")
    for block in body:
        block = block.replace("\n", " ")
        m = label.match(block)
        if m:
            out.append(f"<p><b>{html.escape(m.group(1))}:</b> {html.escape(block[m.end():])}</p>")
        else:
            out.append(f"<p>{html.escape(block)}</p>")
    out.append("</body></html>")
    return "\n".join(out)


if __name__ == "__main__":
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        text = f.read()
    with open(target, "w", encoding="utf-8") as f:
        f.write(convert(text, source))
