"""A romaji slug from a Japanese title: /blog/hiza-no-uchigawa-ga-itai/ rather
than /blog/%E8%86%9D%E3%81%AE…/, which looks broken when pasted into LINE or X.

Sudachi gives each word's reading in katakana (膝 → ヒザ); a small Hepburn
table spells it in ASCII. Long vowels are written short, as Japanese URLs
usually are (シツカンセツショウ → shitsukansetsusho). Nothing here reaches the
network.
"""

import threading
import unicodedata

from django.utils.text import slugify

MAX_SLUG_CHARS = 80
# Words Sudachi reads but a URL does without: symbols, spaces.
SKIPPED_POS = {"補助記号", "空白"}

# Two-kana sounds first: the longest match wins.
DIGRAPHS = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "シャ": "sha", "シュ": "shu", "ショ": "sho", "シェ": "she", "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ジェ": "je",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "チェ": "che", "ヂャ": "ja", "ヂュ": "ju", "ヂョ": "jo",
    "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo", "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo",
    "ビャ": "bya", "ビュ": "byu", "ビョ": "byo", "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo",
    "ミャ": "mya", "ミュ": "myu", "ミョ": "myo", "リャ": "rya", "リュ": "ryu", "リョ": "ryo",
    "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "ティ": "ti", "ディ": "di", "デュ": "dyu", "トゥ": "tu",
    "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
}
MONOGRAPHS = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヰヱヲン"
        "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョヮ",
        "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho "
        "ma mi mu me mo ya yu yo ra ri ru re ro wa i e o n ga gi gu ge go za ji zu ze zo da ji zu de do "
        "ba bi bu be bo pa pi pu pe po vu a i u e o ya yu yo wa".split(),
    )
)


def kana_to_romaji(katakana):
    """Hepburn for a katakana reading, long vowels written short."""
    out = []
    double_next = False
    i = 0
    while i < len(katakana):
        pair, char = katakana[i : i + 2], katakana[i]
        if pair in DIGRAPHS:
            syllable, i = DIGRAPHS[pair], i + 2
        elif char in MONOGRAPHS:
            syllable, i = MONOGRAPHS[char], i + 1
        elif char == "ッ":  # a doubled consonant: ッテ → tte, ッチ → tchi
            double_next, i = True, i + 1
            continue
        else:  # ー and anything unreadable
            i += 1
            continue
        # ウ after an o or u is a long vowel (コウ → ko, シュウ → shu).
        if syllable == "u" and out and out[-1][-1:] in ("o", "u"):
            continue
        if double_next:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
            double_next = False
        out.append(syllable)
    return "".join(out)


_lock = threading.Lock()
_dictionary = None
_threads = threading.local()


def _tokenizer():
    """This thread's tokenizer. A Sudachi tokenizer refuses to be used by two
    threads at once, and a gthread worker may answer the editor's romaji-slug
    requests concurrently. The dictionary behind them is loaded once per
    process, as the search analyser's is (search/analyser.py); it is
    memory-mapped, so that copy of it costs little more."""
    global _dictionary
    tokenizer = getattr(_threads, "tokenizer", None)
    if tokenizer is None:
        with _lock:
            if _dictionary is None:
                # sudachipy is imported on first use: loading the dictionary is slow and large.
                from sudachipy import Dictionary

                _dictionary = Dictionary(dict="core")
        tokenizer = _threads.tokenizer = _dictionary.tokenizer()
    return tokenizer


def word_romaji(surface, reading):
    ascii_text = unicodedata.normalize("NFKC", surface)
    if ascii_text.isascii():
        return ascii_text
    return kana_to_romaji(reading)


def romaji_slug(title):
    """An ASCII slug spelling `title` in romaji, word by word; "" when the
    title has nothing to spell."""
    from sudachipy import SplitMode

    words, carried = [], ""
    for morpheme in _tokenizer().tokenize(unicodedata.normalize("NFKC", title or "")[:500], SplitMode.C):
        if morpheme.part_of_speech()[0] in SKIPPED_POS:
            continue
        reading = carried + morpheme.reading_form()
        if reading.endswith("ッ") and not unicodedata.normalize("NFKC", morpheme.surface()).isascii():  # なっ|たら: the doubled consonant belongs to the next word
            carried = reading
            continue
        words.append(word_romaji(morpheme.surface(), reading) if not carried else kana_to_romaji(reading))
        carried = ""
    slug = slugify(" ".join(words))
    if len(slug) > MAX_SLUG_CHARS:
        slug = slug[:MAX_SLUG_CHARS].rsplit("-", 1)[0]
    return slug


def is_derived_from_title(slug, title):
    """Whether `slug` is what Wagtail made from the title by itself (in the
    browser as the editor typed, or on the server when the slug was blank),
    rather than one the editor chose."""
    if not slug:
        return True
    normalised = unicodedata.normalize("NFKC", slug)
    derived = slugify(title, allow_unicode=True)
    return normalised == derived or normalised.replace("-", "") == derived.replace("-", "")
