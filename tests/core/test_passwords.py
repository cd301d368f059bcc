"""Passwords built from a Vietnamese place name or common word and a year are refused,
through the validators every password form uses."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from core.passwords import LocalCommonPasswordValidator, is_guessable


@pytest.mark.parametrize(
    "password",
    ["Thanhhoa2024", "Thanh Hóa@1990", "SonLa2025!", "hanoi123456", "Matkhau@2024", "QuangNinh1975", "ĐàNẵng2020",
     "anhyeuem2024", "HaNoiSaiGon12"],
)  # fmt: skip
def test_a_place_name_or_common_word_with_a_year_is_refused(password, db):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert "password_too_common" in [error.code for error in refused.value.error_list]


@pytest.mark.parametrize("password", ["mưa rừng Pù Nhi tháng bảy", "Hoa ban nở trên đồi 7", "k7#Qw9!zTm2v"])
def test_a_password_of_ones_own_passes(password, db):
    validate_password(password)  # raises if refused
    assert not is_guessable(password)


def test_the_refusal_is_said_in_vietnamese():
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        LocalCommonPasswordValidator().validate("Thanhhoa2024")
    assert refused.value.messages == [
        "Mật khẩu này quá dễ đoán: đó là tên một địa danh hoặc một từ thông dụng kèm chữ số. "
        "Hãy dùng vài từ của riêng bạn, hoặc thêm chữ cái."
    ]
