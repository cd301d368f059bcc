"""Passwords people here guess first: a place name or a common word with a year.

Django's CommonPasswordValidator knows English passwords; "Thanhhoa2024" passes it. This
validator folds a password to plain letters (without diacritics or case) and refuses it
when those letters are a word of `core/data/common_words_vi.txt` (provinces, towns,
common words), or two of them, whatever digits and signs are added (a year, "123", "@").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WORDS_FILE = Path(__file__).with_name("data") / "common_words_vi.txt"


@cache
def common_words() -> frozenset[str]:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def letters_of(password: str) -> str:
    """The password's letters, lower case, without diacritics (đ read as d)."""
    folded = unicodedata.normalize("NFD", password.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^a-z]", "", folded.lower())


def is_guessable(password: str) -> bool:
    letters, words = letters_of(password), common_words()
    if not letters:
        return False  # digits and signs only: NumericPasswordValidator and the length decide
    if letters in words:
        return True
    return any(letters[:cut] in words and letters[cut:] in words for cut in range(1, len(letters)))


class LocalCommonPasswordValidator:
    def validate(self, password: str, user=None) -> None:
        if is_guessable(password):
            raise ValidationError(
                _(
                    "This password is too easy to guess: it is a place name or a common word with "
                    "numbers. Use a few words of your own, or more letters."
                ),
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return _("Your password can't be a place name or a common word with a year or numbers.")
