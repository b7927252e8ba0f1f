"""An HTML <table> (core/table, a classic post's table, Cocoon's and
SWELL's styled tables) → the value of Wagtail's TableBlock.

Cells keep their text (TableBlock cells are plain text: links and marks
inside a cell are lost). colspan and rowspan become TableBlock's
mergeCells; a hostile span cannot grow the table past its limits.
"""

MAX_ROWS = 200
MAX_COLS = 20
CELL_LENGTH = 1000


def _span(cell, name, limit):
    try:
        value = int(str(cell.get(name, "1")).strip() or 1)
    except ValueError:
        value = 1
    return max(1, min(value, limit))


def _text(cell):
    for br in cell.find_all("br"):
        br.replace_with("\n")
    lines = [" ".join(line.split()) for line in cell.get_text().splitlines()]
    return "\n".join(line for line in lines if line)[:CELL_LENGTH]


def table_value(table, caption=""):
    """The TableBlock value of a bs4 <table>, or None when it has no rows."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table][:MAX_ROWS]
    if not rows:
        return None
    grid, merges, heads = {}, [], {}
    for r, tr in enumerate(rows):
        c = 0
        cells = tr.find_all(["td", "th"], recursive=False)
        for n, cell in enumerate(cells):
            while (r, c) in grid:
                c += 1
            if c >= MAX_COLS:
                break
            rowspan = _span(cell, "rowspan", len(rows) - r)
            # Room is left for the row's other cells, so none loses its words.
            colspan = _span(cell, "colspan", max(1, MAX_COLS - c - (len(cells) - n - 1)))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[r + dr, c + dc] = ""
            grid[r, c] = _text(cell)
            heads[r, c] = cell.name == "th"
            if rowspan > 1 or colspan > 1:
                merges.append({"row": r, "col": c, "rowspan": rowspan, "colspan": colspan})
            c += colspan
    if not grid:
        return None
    width = max(c for _, c in grid) + 1
    data = [[grid.get((r, c), "") for c in range(width)] for r in range(len(rows))]
    first_row = rows[0]
    caption_tag = table.find("caption")
    return {
        "data": data,
        "first_row_is_table_header": first_row.find_parent("thead") is not None
        or all(heads.get((0, c), True) for c in range(width) if (0, c) in heads),
        "first_col_is_header": len(rows) > 1 and all(heads.get((r, 0), False) for r in range(1, len(rows)) if (r, 0) in heads)
        and any(heads.get((r, 0), False) for r in range(1, len(rows))),
        "table_caption": (caption_tag.get_text(" ", strip=True) if caption_tag else caption)[:255],
        "mergeCells": merges,
        "cell": [],
    }
