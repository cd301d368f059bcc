"""Editors write and submit; a reviewer (Moderators or national administrators) publishes."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow

from access.roles import EDITORS, NATIONAL_ADMINS
from cms.models import ArticlePage
from tests.factories import UserFactory
from tests.factories import cms as pages

pytestmark = pytest.mark.django_db


def member(group: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


def draft_by(editor) -> ArticlePage:
    return pages.ArticlePageFactory(title="Bài mới của biên tập viên", summary="Tóm tắt.", draft=True, saved_by=editor)


def test_editors_may_edit_but_not_publish():
    editor = member(EDITORS)
    page = draft_by(editor)
    permissions = page.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()


@pytest.mark.parametrize("group", ["Moderators", NATIONAL_ADMINS])
def test_reviewer_groups_may_publish(group):
    page = pages.article()
    assert page.permissions_for_user(member(group)).can_publish()


def test_the_moderation_workflow_covers_the_site():
    workflow = pages.home().get_workflow()
    assert workflow is not None and workflow.active
    task = workflow.tasks.get().specific
    assert {group.name for group in task.groups.all()} >= {"Moderators", NATIONAL_ADMINS}


def test_submit_then_approve_makes_the_article_live(client):
    editor, reviewer = member(EDITORS), member(NATIONAL_ADMINS)
    page = draft_by(editor)
    assert client.get(page.url or "/tin-bai/bai-moi-cua-bien-tap-vien/").status_code == 404
    workflow: Workflow = page.get_workflow()
    workflow.start(page, editor)
    page.refresh_from_db()
    assert page.workflow_in_progress
    task_state = page.current_workflow_task_state
    assert task_state.task.specific.user_can_access_editor(page, reviewer)
    assert not task_state.task.specific.user_can_access_editor(page, member("Tập huấn viên"))
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    page.refresh_from_db()
    assert page.live
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Bài mới của biên tập viên" in response.content.decode()
    assert page.revisions.count() >= 1


def test_editor_submits_through_the_admin(client):
    editor = member(EDITORS)
    page = draft_by(editor)
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": page.title,
            "slug": page.slug,
            "summary": "Tóm tắt đã sửa.",
            "date": "2025-01-02",
            "author": "",
            "hero_alt": "",
            "body-count": "0",
            "action-submit": "Submit",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert not page.live


def test_scheduled_publishing_waits_for_its_time(client):
    page = draft_by(member(EDITORS))
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    # An hour later (moved back rather than waited for): the command publishes it.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.latest_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_editor_previews_an_article_with_related_leaflets(client):
    """Before saving, related leaflets are in memory (not a database query): the preview still renders."""
    editor = member(EDITORS)
    leaflet = pages.leaflet()
    page = draft_by(editor)
    client.force_login(editor)
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = {
        "title": page.title,
        "slug": page.slug,
        "summary": "Tóm tắt cho bản xem trước.",
        "date": "2025-01-02",
        "author": "",
        "hero_alt": "",
        "body-count": "0",
        "related_leaflets": [leaflet.pk],
    }
    assert client.post(preview_url, form).json()["is_valid"] is True
    response = client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tóm tắt cho bản xem trước." in html
    assert leaflet.title in html


def edit_form(page, **extra) -> dict:
    data = {"title": page.title, "slug": page.slug, "summary": page.summary, "date": "2025-01-02"}
    return {**data, "author": "", "hero_alt": "", "body-count": "0", **extra}


def test_a_reviewer_is_told_the_approved_page_is_live(client):
    editor, reviewer = member(EDITORS), member(NATIONAL_ADMINS)
    page = draft_by(editor)
    page.get_workflow().start(page, editor)
    client.force_login(reviewer)
    data = edit_form(page, **{"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    page.refresh_from_db()
    assert page.live
    texts = [str(message) for message in response.context["messages"]]
    assert any("đã được duyệt và xuất bản" in text for text in texts), texts
    assert not any("Đã cập nhật trang" in text for text in texts), texts


def test_submitting_a_translation_with_copied_text_warns(client):
    from wagtail.models import Locale

    from cms.locales import ensure_english_site

    pages.article_index()
    ensure_english_site(pages.home())
    source = pages.article("Bài gốc", summary="Một đoạn tóm tắt đủ dài bằng tiếng Việt.")
    english = source.copy_for_translation(Locale.objects.get(language_code="en")).specific
    editor = member(EDITORS)
    client.force_login(editor)
    data = edit_form(english, title="The original", **{"action-submit": "Submit"})
    response = client.post(f"/admin/pages/{english.pk}/edit/", data, HTTP_ACCEPT_LANGUAGE="vi", follow=True)
    texts = [str(message) for message in response.context["messages"]]
    assert any("giống hệt trang gốc: tóm tắt" in text for text in texts), texts


def test_a_translated_summary_is_not_flagged():
    from wagtail.models import Locale

    from cms.locales import ensure_english_site
    from cms.review import copied_from_source

    pages.article_index()
    ensure_english_site(pages.home())
    source = pages.article("Bài gốc", summary="Một đoạn tóm tắt đủ dài bằng tiếng Việt.")
    english = source.copy_for_translation(Locale.objects.get(language_code="en")).specific
    assert [str(label) for label in copied_from_source(english)] == ["tóm tắt"]
    english.title, english.summary = "The original", "A summary written in English."
    assert copied_from_source(english) == []
