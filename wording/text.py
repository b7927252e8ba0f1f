"""A text as the rules see it: its words in Sudachi's normalised forms, each
knowing where it stands in the original text.

The rules match on `Analysed.lemmas`, the words' normalised forms joined
with nothing between them (治せます → 治すます, なおる → 治る). Full-width
letters, half-width kana and case are folded (NFKC, lower case) and spaces
dropped before Sudachi reads the text; `origin` keeps, for every folded
character, the span of the original characters it came from, so a match
always maps back to the exact original text.

Sudachi is the one the search already loads (search.analyser): the
dictionary costs ~135 MiB, and a process needs it only once.
"""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sudachipy import SplitMode

from search.analyser import chunks, get_analyser

# Sudachi reads ひらがな verbs as themselves (なおる may be 直る or 治る);
# in health writing they mean these.
FOLDED_LEMMAS = {"なおる": "治る", "なおす": "治す", "効く": "利く", "なくなる": "無くなる", "きえる": "消える", "よくなる": "良い成る"}
# Half-width voiced marks and combining marks belong to the character before.
JOINING = {"\uff9e", "\uff9f", "\u3099", "\u309a"}
SENTENCE_ENDS = {"。", "！", "？", "!", "?", "．"}



@dataclass(frozen=True)
class Word:
    lemma: str
    surface: str
    pos: str  # Sudachi's first part-of-speech level: 名詞, 動詞, 助詞…
    start: int  # in the original text
    end: int


@dataclass(frozen=True)
class Analysed:
    text: str
    words: tuple
    lemmas: str
    lemma_starts: tuple  # lemmas offset where each word starts
    word_at: tuple  # for each lemmas character, the index of its word

    def word_span(self, start, end):
        """The words covering lemmas[start:end], or None when the range does
        not start and end on word boundaries."""
        if start >= end or end > len(self.lemmas):
            return None
        first, last = self.word_at[start], self.word_at[end - 1]
        if self.lemma_starts[first] != start:
            return None
        if last + 1 < len(self.words) and self.lemma_starts[last + 1] != end:
            return None
        return first, last


@lru_cache(maxsize=20_000)
def fold_piece(piece):
    return "".join(char for char in unicodedata.normalize("NFKC", piece).lower() if not char.isspace())


def fold(text):
    """(folded text, origin): NFKC, lower case, no spaces; origin[i] is the
    (start, end) of the original characters folded character i came from."""
    folded, origin = [], []
    i, length = 0, len(text)
    while i < length:
        j = i + 1
        while j < length and (text[j] in JOINING or unicodedata.combining(text[j])):
            j += 1
        for char in fold_piece(text[i:j]):
            folded.append(char)
            origin.append((i, j))
        i = j
    return "".join(folded), origin





_pos_names = {}


def part_of_speech(morpheme):
    """The first level of the morpheme's part of speech, read once per id."""
    pos_id = morpheme.part_of_speech_id()
    name = _pos_names.get(pos_id)
    if name is None:
        name = _pos_names[pos_id] = morpheme.part_of_speech()[0]
    return name


def tokenise(folded):
    """Sudachi's morphemes of the folded text, split mode C, in order."""
    # The search analyser gives each thread a tokenizer of its own dictionary.
    tokenizer = get_analyser().tokenizer
    offset = 0
    for piece in chunks(folded):
        for morpheme in tokenizer.tokenize(piece, SplitMode.C):
            yield (
                offset + morpheme.begin(),
                offset + morpheme.end(),
                morpheme.normalized_form(),
                morpheme.surface(),
                part_of_speech(morpheme),
            )
        offset += len(piece)


def analyse(text):
    folded, origin = fold(text)
    words, lemma_starts, word_at, position = [], [], [], 0
    for begin, end, lemma, surface, pos in tokenise(folded):
        if begin == end:
            continue
        lemma = FOLDED_LEMMAS.get(lemma, lemma).lower() or surface
        words.append(Word(lemma, surface, pos, origin[begin][0], origin[end - 1][1]))
        lemma_starts.append(position)
        word_at.extend([len(words) - 1] * len(lemma))
        position += len(lemma)
    lemmas = "".join(word.lemma for word in words)
    return Analysed(text, tuple(words), lemmas, tuple(lemma_starts), tuple(word_at))
