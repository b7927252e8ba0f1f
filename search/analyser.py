"""Turning Japanese (and English) text into tokens both databases can match.

Neither SQLite nor PostgreSQL can split Japanese into words, so every text is
tokenised here, in Python, and the database only sees space-separated tokens.
Index and query go through the same analyser, so whatever it normalises
(ひざ/ヒザ → 膝, 肩こり → 肩凝り, ＡＢＣ → abc) matches on both sides.

The analyser is chosen by the TEATE_SEARCH_ANALYSER setting, so a site could
swap Sudachi for another tokeniser without touching the index or the views.
"""

import re
import threading
import unicodedata
from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string

# Long texts are fed to the tokeniser in pieces: Sudachi refuses inputs over
# ~48 KiB, and sentence-sized pieces keep memory flat.
CHUNK_CHARS = 4000
# A query longer than this is cut: nobody types more, and it bounds the work.
MAX_QUERY_CHARS = 200
MAX_QUERY_TOKENS = 16

# A kanji term glossed with its reading, as health articles write them:
# 鵞足（がそく）, 大腿四頭筋（だいたいしとうきん）.
GLOSS = re.compile(r"[\u3400-\u9fff々〆ヶ]+[（(]([\u3041-\u3096\u30a1-\u30faー]{2,30})[）)]")
KANA_ONLY = re.compile(r"[\u3041-\u3096\u30a1-\u30faー]+")
KANJI = re.compile(r"[\u3400-\u9fff々〆ヶ]")
# Shorter readings are too ambiguous to find anything useful (カタ: 肩, 型,
# 方…); two-kana words such as ひざ already meet their kanji through
# Sudachi's normalised forms.
MIN_READING_CHARS = 3


def katakana(text):
    """Hiragana to katakana, the form readings are indexed in."""
    return "".join(chr(ord(char) + 0x60) if "\u3041" <= char <= "\u3096" else char for char in text)


def normalise(text):
    """Full-width to half-width, compatibility forms folded, English lowercased."""
    return unicodedata.normalize("NFKC", text).lower()


def chunks(text, size=CHUNK_CHARS):
    """Contiguous pieces of at most `size` characters, cut after a sentence
    or line end where there is one."""
    while len(text) > size:
        cut = max(text.rfind("。", 0, size), text.rfind("\n", 0, size)) + 1 or size
        yield text[:cut]
        text = text[cut:]
    if text:
        yield text


@lru_cache(maxsize=100_000)
def token_for(form):
    """The token for a dictionary form, or None for one with no letter or
    digit (emoji, stray symbols: noise, and operators to the databases'
    query parsers). Cached: a language has far fewer words than a text."""
    token = normalise(form).strip()
    return token if any(char.isalnum() for char in token) else None


class Analyser:
    """What the index and the query need from a tokeniser.

    tokens_for_index may add extra tokens (sub-words) so that short queries
    still find compounds; tokens_for_query returns what every match must contain.
    spans gives (start, end, token) for each word of a text, for highlighting.
    """

    def tokens_for_index(self, text):
        raise NotImplementedError

    def tokens_for_query(self, text):
        raise NotImplementedError

    def spans(self, text):
        raise NotImplementedError

    def reading_for_query(self, text):
        """A query typed in kana only, as the one reading token it may also
        match (がそく → ガソク, indexed from 鵞足（がそく）); None otherwise."""
        text = "".join(normalise(text[:MAX_QUERY_CHARS]).split())
        if len(text) >= MIN_READING_CHARS and KANA_ONLY.fullmatch(text):
            return katakana(text)
        return None


class SudachiAnalyser(Analyser):
    """SudachiPy with its core dictionary.

    Queries use split mode C (the longest units: 変形性膝関節症 stays precise);
    the index stores mode C plus the mode-A sub-words of each compound, so 膝
    also finds 変形性膝関節症. Tokens are Sudachi's normalised forms, which map
    kana spellings onto one form. Particles, auxiliaries, symbols and spaces
    carry no meaning for search and are dropped.
    """

    SKIPPED_POS = {"補助記号", "空白", "助詞", "助動詞"}

    def __init__(self):
        self._dictionary = None
        self._lock = threading.Lock()
        self._threads = threading.local()
        self._skipped_pos = {}  # part-of-speech id -> skipped?
        self._noun_pos = {}  # part-of-speech id -> a noun?

    @property
    def tokenizer(self):
        # The dictionary is loaded on first use, once per process (~135 MiB);
        # each thread gets its own tokenizer of it, since a Sudachi tokenizer
        # refuses to be used by two at once (gunicorn's gthread workers
        # answered concurrent searches with 500s: tests/faults/).
        tokenizer = getattr(self._threads, "tokenizer", None)
        if tokenizer is None:
            with self._lock:
                if self._dictionary is None:
                    from sudachipy import Dictionary

                    self._dictionary = Dictionary(dict="core")
            tokenizer = self._threads.tokenizer = self._dictionary.tokenizer()
        return tokenizer

    def _kept(self, morphemes):
        skipped = self._skipped_pos
        for morpheme in morphemes:
            pos_id = morpheme.part_of_speech_id()
            skip = skipped.get(pos_id)
            if skip is None:
                skip = skipped[pos_id] = morpheme.part_of_speech()[0] in self.SKIPPED_POS
            if not skip:
                yield morpheme

    def _morphemes(self, text, mode):
        for piece in chunks(normalise(text)):
            yield from self._kept(self.tokenizer.tokenize(piece, mode))

    def tokens_for_index(self, text):
        """Mode C, the mode-A parts of compounds, and readings: each kanji
        noun's reading (膝関節症 → シツカンセツショウ) and each reading the
        author glossed (鵞足（がそく） → ガソク; Sudachi reads 鵞足 as ガアシ),
        so a reader who types the kana finds the kanji."""
        from sudachipy import SplitMode

        tokens = [katakana(reading) for reading in GLOSS.findall(normalise(text))]
        for morpheme in self._morphemes(text, SplitMode.C):
            tokens.append(token_for(morpheme.normalized_form()))
            if morpheme.end() - morpheme.begin() > 1:
                parts = morpheme.split(SplitMode.A)
                if len(parts) > 1:
                    tokens.extend(token_for(part.normalized_form()) for part in parts)
            if self._is_noun(morpheme) and KANJI.search(morpheme.surface()):
                reading = morpheme.reading_form()
                if len(reading) >= MIN_READING_CHARS:
                    tokens.append(reading)
        return [token for token in tokens if token]

    def _is_noun(self, morpheme):
        pos_id = morpheme.part_of_speech_id()
        noun = self._noun_pos.get(pos_id)
        if noun is None:
            noun = self._noun_pos[pos_id] = morpheme.part_of_speech()[0] == "名詞"
        return noun

    def tokens_for_query(self, text):
        from sudachipy import SplitMode

        tokens = []
        for morpheme in self._morphemes(text[:MAX_QUERY_CHARS], SplitMode.C):
            token = token_for(morpheme.normalized_form())
            if token and token not in tokens:
                tokens.append(token)
        return tokens[:MAX_QUERY_TOKENS]

    def spans(self, text):
        """Word boundaries in `text` itself (NFKC keeps most lengths; where it
        does not, the span is skipped rather than misplaced)."""
        from sudachipy import SplitMode

        if len(normalise(text)) != len(text):
            return
        position = 0
        for piece in chunks(text):
            for morpheme in self._kept(self.tokenizer.tokenize(normalise(piece), SplitMode.C)):
                yield position + morpheme.begin(), position + morpheme.end(), token_for(morpheme.normalized_form())
                for part in morpheme.split(SplitMode.A) if morpheme.end() - morpheme.begin() > 1 else ():
                    yield position + part.begin(), position + part.end(), token_for(part.normalized_form())
            position += len(piece)


@lru_cache(maxsize=None)
def get_analyser():
    """The site's analyser (TEATE_SEARCH_ANALYSER), one per process."""
    return import_string(settings.TEATE_SEARCH_ANALYSER)()


@lru_cache(maxsize=256)
def index_text(text):
    """Space-joined index tokens. Cached: Wagtail's backend reads the same
    field value once per index column, and analysing is the slow part."""
    return " ".join(get_analyser().tokens_for_index(text))


def query_text(text):
    return " ".join(get_analyser().tokens_for_query(text))
