"""表現チェック: warns, explains and cites when an article's wording may make a
claim a health practice should not make (docs/wording.md)."""
