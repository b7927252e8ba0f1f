import pytest

from tests.factories import CategoryFactory, make_article, paragraphs


@pytest.fixture
def knee_articles(blog):
    """Articles as clinics write them: kanji, kana, and the rare clinical term."""
    knee = CategoryFactory(name="膝の痛み", slug="knee")
    back = CategoryFactory(name="腰痛", slug="back")
    return {
        "inner_knee": make_article(
            blog,
            title="膝の内側が痛くて歩けない原因",
            lead="歩き始めに膝の内側が痛むときに。",
            body=paragraphs("鵞足の周りの筋肉が硬くなると痛みます。"),
            categories=[knee],
        ),
        "kana_knee": make_article(
            blog,
            title="朝のこわばりをほぐす体操",
            lead="寝起きにひざが固まる方へ。",
            body=paragraphs("ヒザのお皿を優しく動かします。"),
            categories=[knee],
        ),
        "oa": make_article(
            blog,
            title="変形性膝関節症と言われたら",
            lead="診断を受けた方が最初に読む記事です。",
            body=paragraphs("変形性膝関節症は軟骨がすり減る病気です。"),
            categories=[knee],
        ),
        "fascia": make_article(
            blog,
            title="腰が重いときのセルフケア",
            lead="デスクワークの合間に。",
            body=paragraphs("テニスボールで筋膜リリースをしてみましょう。"),
            categories=[back],
        ),
        "shoulder": make_article(
            blog,
            title="肩こりに効く三つの習慣",
            lead="パソコン作業が続く方へ。",
            body=paragraphs("肩甲骨を回して血流を良くします。"),
            categories=[back],
        ),
    }
