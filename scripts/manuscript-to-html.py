#!/usr/bin/env python3
"""Converts the sample manuscript (a small Markdown subset) to HTML for LibreOffice.

Supported: '# ' to '###### ' headings, paragraphs separated by blank lines, '> ' block quotes
(consecutive '>' lines form one <blockquote>, blank '>' lines separate its paragraphs), *emphasis*
and **strong**. Everything else is text. Standard library only.

Usage: scripts/manuscript-to-html.py INPUT.md [OUTPUT.html]   (default output: standard output)
"""

import html
import re
import sys


def inline(text: str) -> str:
    out = html.escape(text, quote=False)
    out = re.sub(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"<em>\1</em>", out)
    return out


def paragraphs(lines):
    """Groups lines into paragraphs (lists of lines) split at blank lines."""
    para = []
    for line in lines:
        if line.strip():
            para.append(line.strip())
        elif para:
            yield para
            para = []
    if para:
        yield para


def convert(markdown: str) -> str:
    lines = markdown.replace("\r\n", "\n").split("\n")
    body = []
    title = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            level = len(heading.group(1))
            text = heading.group(2).strip()
            if level == 1 and not title:
                title = text
            body.append(f"<h{level}>{inline(text)}</h{level}>")
            i += 1
            continue
        if re.match(r"^\s*>", line):
            quoted = []
            while i < len(lines) and re.match(r"^\s*>", lines[i]):
                quoted.append(re.sub(r"^\s*>\s?", "", lines[i]))
                i += 1
            inner = "\n".join(f"<p>{inline(' '.join(p))}</p>" for p in paragraphs(quoted))
            body.append(f"<blockquote>\n{inner}\n</blockquote>")
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not re.match(r"^(#{1,6}\s|\s*>)", lines[i]):
            para.append(lines[i].strip())
            i += 1
        body.append(f"<p>{inline(' '.join(para))}</p>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        result = convert(f.read())
    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8") as f:
            f.write(result)
    else:
        sys.stdout.write(result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
