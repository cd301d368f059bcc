import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def create(capsys) -> str:
    call_command("ensure_demo_admin")
    return capsys.readouterr().out


def printed_password(output: str) -> str:
    return re.search(r"(?:password|mật khẩu): (\S+)", output, re.IGNORECASE).group(1)


def test_creates_a_superuser_with_the_printed_password(capsys):
    password = printed_password(create(capsys))
    # Logins are checked with their request (for the lockout of password guessing).
    user = authenticate(RequestFactory().post("/admin/login/"), username="admin", password=password)
    assert user is not None and user.is_superuser


def test_passwords_are_random_not_fixed(capsys):
    first = printed_password(create(capsys))
    get_user_model().objects.all().delete()
    second = printed_password(create(capsys))
    assert first != second
    assert len(first) >= 16


def test_second_run_changes_nothing_and_prints_no_password(capsys):
    password = printed_password(create(capsys))
    hashed = get_user_model().objects.get(username="admin").password
    output = create(capsys)
    assert password not in output
    assert get_user_model().objects.get(username="admin").password == hashed
    assert get_user_model().objects.count() == 1


def test_the_sign_in_link_names_the_address_the_site_is_served_at(capsys):
    call_command("ensure_demo_admin", "--site", "http://127.0.0.1:8765/")
    output = capsys.readouterr().out
    assert "http://127.0.0.1:8765/admin/" in output
    assert ":8000" not in output
