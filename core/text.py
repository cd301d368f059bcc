"""How Vietnamese names are compared: what people type against what is stored.

The same place is written many ways: with or without diacritics, composed (NFC) or
decomposed (NFD), with the tone mark on either vowel of "oa", "oe", "uy" (old style
"Thanh Hoá", new style "Thanh Hóa"), with or without a prefix ("Tỉnh", "TP.", "Xã").
"""

import re
import unicodedata

# Control characters nobody means to type. They arrive with text pasted from other
# programs (a vertical tab is a word processor's line break) or from a CSV; screens do not
# show them and an XLSX file cannot hold them. Tab, line feed and carriage return stay.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = {"\x0b": " ", "\x0c": " "}


def without_control_characters(text: str) -> str:
    """`text` with control characters removed (a vertical tab or form feed becomes a space)."""
    return _CONTROL_CHARACTERS.sub(lambda match: _LINE_BREAKS.get(match.group(), ""), text)


# The five tone marks, as combining characters. The other marks (circumflex, breve,
# horn) change the vowel itself and stay part of the letter.
TONE_MARKS = {
    "\u0300": "`",  # huyền
    "\u0301": "'",  # sắc
    "\u0303": "~",  # ngã
    "\u0309": "?",  # hỏi
    "\u0323": ".",  # nặng
}

# Prefixes of administrative names as people write them (ASCII form, in full or short),
# with the unit types each may stand for.
PREFIX_KINDS: dict[str, tuple[str, ...]] = {
    "thanh pho truc thuoc trung uong": ("thanh_pho_tw",),
    "thanh pho": ("thanh_pho_tw", "thanh_pho"),
    "tp": ("thanh_pho_tw", "thanh_pho"),
    "tinh": ("tinh",),
    "huyen": ("huyen",),
    "h": ("huyen",),
    "quan": ("quan",),
    "q": ("quan",),
    "thi xa": ("thi_xa",),
    "tx": ("thi_xa",),
    "xa": ("xa",),
    "x": ("xa",),
    "phuong": ("phuong",),
    "p": ("phuong",),
    "thi tran": ("thi_tran",),
    "tt": ("thi_tran",),
    "dac khu": ("dac_khu",),
}
_LONGEST_PREFIX_WORDS = max(len(prefix.split()) for prefix in PREFIX_KINDS)
_SPACES_RE = re.compile(r"\s+")
_PUNCTUATION_RE = re.compile(r"[\s.,;:\-–—_/()]+")


def clean(text: str) -> str:
    """NFC, single spaces, no surrounding spaces."""
    return _SPACES_RE.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def ascii_key(text: str) -> str:
    """Lower case, no diacritics, no punctuation: "Thanh Hoá" → "thanh hoa"."""
    decomposed = unicodedata.normalize("NFD", clean(text).lower().replace("đ", "d").replace("Đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _PUNCTUATION_RE.sub(" ", bare).strip()


def without_diacritics(text: str) -> str:
    """The letters without their marks, case and punctuation kept: "Thanh Hóa" → "Thanh Hoa"."""
    decomposed = unicodedata.normalize("NFD", clean(text).replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def tone_key(text: str) -> str:
    """Lower case with the diacritics kept, but each syllable's tone mark moved to its end.

    "Thanh Hoá" and "Thanh Hóa" both give "thanh hoa'", while "Hòa" gives "hoa`": the
    spelling of the tone is compared, not where a keyboard put it.
    """
    syllables = []
    for word in _PUNCTUATION_RE.sub(" ", clean(text).lower()).split():
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(TONE_MARKS[ch] for ch in decomposed if ch in TONE_MARKS)
        letters = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
        syllables.append(letters + tones)
    return " ".join(syllables)


def has_diacritics(text: str) -> bool:
    decomposed = unicodedata.normalize("NFD", str(text))
    return "đ" in decomposed.lower() or any(unicodedata.combining(ch) for ch in decomposed)


def split_prefix(text: str) -> tuple[str, str]:
    """Split an administrative prefix off a name: "TP. Thanh Hoá" → ("tp", "Thanh Hoá").

    The prefix comes back in its ASCII form (a key of PREFIX_KINDS), the rest as typed
    (cleaned). ("", text) when there is no prefix or nothing follows it. Because "Quận"
    and the name "Quan Sơn" look alike without diacritics, callers try both readings.
    """
    words = clean(str(text).replace(".", ". ")).split(" ")
    for size in range(min(_LONGEST_PREFIX_WORDS, len(words) - 1), 0, -1):
        prefix = ascii_key(" ".join(words[:size]))
        if prefix in PREFIX_KINDS:
            return prefix, clean(" ".join(words[size:]).lstrip(". "))
    return "", clean(text)


# Abbreviations organisers' names are written with (ASCII form) and what they stand for:
# "Hội LHPN tỉnh Thanh Hóa" and "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa" are the same union.
ORGANISER_ABBREVIATIONS = {
    "lhpn": "lien hiep phu nu",
    "hlhpn": "hoi lien hiep phu nu",
    "bdbp": "bo doi bien phong",
    "ldtbxh": "lao dong thuong binh va xa hoi",
    "ubnd": "uy ban nhan dan",
    "mttq": "mat tran to quoc",
    "tw": "trung uong",
}
# Unit words inside an organiser's name that people leave out: "Công an Thanh Hóa" is
# "Công an tỉnh Thanh Hóa". Dropped from both sides of a comparison, so at worst two names
# fall together and the lookup asks which one was meant.
ORGANISER_UNIT_WORDS = {"tinh", "tp", "thanh pho", "huyen"}


def organiser_key(text: str) -> str:
    """What an organiser's name is compared by: `ascii_key`, with abbreviations spelled out
    and unit words left out. "Hội LHPN tỉnh Thanh Hoá" → "hoi lien hiep phu nu thanh hoa"."""
    words = ascii_key(str(text).replace("&", " va ")).split()
    spelled = " ".join(ORGANISER_ABBREVIATIONS.get(word, word) for word in words)
    kept = f" {spelled} "
    for unit in ORGANISER_UNIT_WORDS:
        kept = kept.replace(f" {unit} ", " ")
    return " ".join(kept.split())


def grouped(number: int) -> str:
    """A whole number as Vietnamese readers write it, "." between thousands: 1.000.000."""
    return f"{number:,}".replace(",", ".")
