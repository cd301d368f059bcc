"""The people and records that the permission matrix visits: one user per role, and for
each kind of record one in province A (Thanh Hóa, the provincial staff's own) and, where
records belong to a province, one in province B (Sơn La)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, CollectionViewRestriction, Locale, Site, UploadedFile

from access.models import StaffScope
from access.roles import EDITORS, MANAGERS, NATIONAL_ADMINS, TRAINERS
from campaigns.models import Activity, Audience, Club, MaterialDistribution, Topic
from cms.models import Language
from reporting.documents.defaults import default_template
from reporting.models import ReportTemplate, SavedReport
from tests.factories import (
    SON_LA,
    THANH_HOA,
    ActivityFactory,
    CampaignFactory,
    ClubFactory,
    DistributionFactory,
    OrganiserFactory,
    ParticipantFactory,
    UserFactory,
    current_province,
    son_la_commune,
    staff,
)
from tests.factories import cms as pages
from trainings.models import Course, Participant, Trainer
from transfers.models import ImportJob

ROLES = ("anonymous", "editor", "trainer", "manager", "national")


@dataclass
class World:
    users: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)  # every kind of file: the address the site gives it
    records: dict = field(default_factory=dict)  # the image, rendition or document of each kind of file
    values: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)
    b_records: list = field(default_factory=list)

    def snapshot_of_b(self) -> list:
        """Every field of every record of province B: what no trainer or manager of A may change."""
        return [list(model.objects.filter(pk=pk).values()) for model, pk in self.b_records]

    def value(self, case: str):
        """What fills a URL's parameters for a case: an id, a dict of keyword
        arguments, or the URL itself."""
        return self.values[case]


def _moderated_article(author):
    """An article waiting in the moderation workflow: a revision, a workflow and task state."""
    article = pages.article(title="Bài chờ duyệt")
    revision = article.save_revision(user=author)
    workflow = article.get_workflow()
    workflow_state = workflow.start(article, author)
    return article, revision, workflow, workflow_state


def _files(image, document, photo_a, photo_b) -> dict:
    """One file of every kind, and a rendition of each picture."""
    closed = Collection.get_first_root_node().add_child(name="Tài liệu nội bộ")
    restriction = CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[MANAGERS, NATIONAL_ADMINS]))
    restricted = pages.document(title="Kế hoạch nội bộ")
    restricted.collection = closed
    restricted.save()
    draft_pdf = pages.document(title="Tờ rơi chưa đăng")
    pages.LeafletPageFactory(title="Tờ rơi chưa đăng", document=draft_pdf, draft=True)
    draft_pdf.refresh_from_db()
    pages.article(title="Bài có ảnh", hero_image=image, hero_alt="Hội viên phụ nữ")
    image.refresh_from_db()
    records = {
        "article image": image,
        "article image rendition": image.get_rendition("fill-100x100"),
        "photo A": photo_a,
        "photo A rendition": photo_a.get_rendition("fill-100x100"),
        "photo B": photo_b,
        "photo B rendition": photo_b.get_rendition("fill-100x100"),
        "public document": document,
        "restricted document": restricted,
        "draft leaflet PDF": draft_pdf,
    }
    # The address the site gives each file, and where it is stored as a proxy that
    # publishes MEDIA_ROOT at /media/ would serve it.
    files = {kind: getattr(record, "url", None) or record.file.url for kind, record in records.items()}
    files.update({f"{kind} under /media/": f"/media/{record.file.name}" for kind, record in records.items()})
    return files, records


def build_world() -> World:
    world = World()
    trainer = staff(TRAINERS, THANH_HOA)
    manager = staff(MANAGERS, THANH_HOA)
    national = staff(NATIONAL_ADMINS)
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name=EDITORS))
    world.users = {"anonymous": None, "editor": editor, "trainer": trainer, "manager": manager, "national": national}

    son_la = son_la_commune()
    campaign = CampaignFactory()
    activity_a, activity_b = ActivityFactory(campaign=campaign), ActivityFactory(place=son_la)
    participant_a, participant_b = ParticipantFactory(), ParticipantFactory(commune=son_la)
    someone_in_b = staff(TRAINERS, SON_LA)
    job_a = ImportJob.objects.create(transfer="activities", user=trainer, file_name="a.csv", stored_as="a.csv")
    job_b = ImportJob.objects.create(transfer="activities", user=someone_in_b, file_name="b.csv", stored_as="b.csv")
    article, revision, workflow, workflow_state = _moderated_article(editor)
    task_state = workflow_state.current_task_state
    image, document = pages.image(), pages.document()
    # Photos of a session, filed into their province's collection when attached.
    photo_a, photo_b = pages.image(title="Ảnh buổi truyền thông A"), pages.image(title="Ảnh buổi truyền thông B")
    activity_a.photos.add(photo_a)
    activity_b.photos.add(photo_b)
    photo_a.refresh_from_db()
    photo_b.refresh_from_db()
    world.files, world.records = _files(image, document, photo_a, photo_b)
    uploaded = UploadedFile.objects.create(
        file=ContentFile(b"%PDF-1.4\n", name="upload.pdf"),
        for_content_type=ContentType.objects.get_for_model(type(document)),
        uploaded_by_user=national,
    )
    course = Course.objects.create(name="Kỹ năng nhận diện thủ đoạn")
    organiser = OrganiserFactory()
    trainer_record = Trainer.objects.create(name="Lò Thị Hoa", organiser=organiser)
    language = Language.objects.create(name="Tiếng Thái", code="tai")
    redirect = Redirect.objects.create(old_path="/cu", redirect_link="/moi")
    collection = Collection.get_first_root_node().add_child(name="Tờ rơi tỉnh")

    templates = {
        case: ReportTemplate.objects.create(
            name=case, province=province, file=ContentFile(default_template("vi"), name="mau.docx")
        ).pk
        for case, province in [
            ("report template A", current_province(THANH_HOA)),
            ("report template B", current_province(SON_LA)),
            ("national report template", None),
        ]
    }

    saved_reports = {
        case: SavedReport.objects.create(
            province=province, date_from="2025-07-01", date_to="2025-12-31", results="Kết quả"
        ).pk
        for case, province in [
            ("saved report A", current_province(THANH_HOA)),
            ("saved report B", current_province(SON_LA)),
            ("national saved report", None),
        ]
    }

    world.values = {
        "": None,
        **templates,
        **saved_reports,
        **{f"document of {case}": {"pk": pk, "wanted": "docx"} for case, pk in saved_reports.items()},
        "report template language": {"language": "vi"},
        "activity A": activity_a.pk,
        "activity B": activity_b.pk,
        "club A": ClubFactory().pk,
        "club B": ClubFactory(place=son_la).pk,
        "distribution A": DistributionFactory().pk,
        "distribution B": DistributionFactory(place=son_la).pk,
        "participant A": participant_a.pk,
        "participant B": participant_b.pk,
        "staff scope A": StaffScope.objects.get(user=trainer).pk,
        "staff scope B": StaffScope.objects.get(user=someone_in_b).pk,
        "import job A": {"transfer": "activities", "pk": job_a.pk},
        "import job B": {"transfer": "activities", "pk": job_b.pk},
        # Places are reference data that every member of staff may read, in any province.
        "province Sơn La": current_province(SON_LA).pk,
        "campaign": campaign.pk,
        "course": course.pk,
        "trainer record": trainer_record.pk,
        "organiser": organiser.pk,
        "audience": Audience.objects.create(name="Phụ nữ dân tộc thiểu số").pk,
        "topic": Topic.objects.create(name="Thủ đoạn lừa đảo").pk,
        "language": language.pk,
        "site": Site.objects.get().pk,
        "user": national.pk,
        "group": Group.objects.get(name=TRAINERS).pk,
        "locale": Locale.objects.get(language_code="vi").pk,
        "collection": collection.pk,
        "redirect": redirect.pk,
        "page": article.pk,
        "home page": pages.home().pk,
        "image": image.pk,
        "image preview": {"image_id": image.pk, "filter_spec": "fill-100x100"},
        "photo A": photo_a.pk,
        "photo B": photo_b.pk,
        "photo preview A": {"image_id": photo_a.pk, "filter_spec": "fill-100x100"},
        "photo preview B": {"image_id": photo_b.pk, "filter_spec": "fill-100x100"},
        "document": document.pk,
        "restricted document": world.records["restricted document"].pk,
        "draft leaflet PDF": world.records["draft leaflet PDF"].pk,
        "document file": document.url,
        "restricted document file": world.files["restricted document"],
        "draft leaflet file": world.files["draft leaflet PDF"],
        "photo A file": world.files["photo A"],
        "photo B file": world.files["photo B"],
        "photo rendition A": world.files["photo A rendition"],
        "photo rendition B": world.files["photo B rendition"],
        "public page": article.url,
        "home page URL": "/",
        "uploaded file": uploaded.pk,
        "workflow": workflow.pk,
        "task": task_state.task_id,
        "page workflow": {"page_pk": article.pk, "workflow_pk": workflow.pk},
        "page revision": {"page_id": article.pk, "revision_id": revision.pk},
        "page revisions compared": {"pk": article.pk, "revision_id_a": "earliest", "revision_id_b": "latest"},
        "page workflow state": {"page_id": article.pk, "workflow_state_id": workflow_state.pk},
        "page task": {"page_id": article.pk, "task_id": task_state.task_id},
        "page task action": {"page_id": article.pk, "action_name": "approve", "task_state_id": task_state.pk},
        "page move": {"page_to_move_id": article.pk, "destination_id": pages.home().pk},
        "article type at home": {
            "content_type_app_name": "cms",
            "content_type_model_name": "articlepage",
            "parent_page_id": pages.article_index().pk,
        },
        "article type": {"content_type_app_name": "cms", "content_type_model_name": "articlepage"},
        "article model": {"app_label": "cms", "model_name": "articlepage"},
        "activity bulk delete": {"app_label": "campaigns", "model_name": "activity", "action": "delete"},
        "page bulk delete": {"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
        "tags of articles": {"app_name": "cms", "model_name": "articlepage"},
        "language translation": {"app_label": "cms", "model_name": "language", "pk": language.pk},
        "editing session": {
            "app_label": "campaigns",
            "model_name": "activity",
            "object_id": str(activity_a.pk),
            "session_id": 1,
        },
        "session": 1,
        "group approval task": {"app_label": "wagtailcore", "model_name": "groupapprovaltask"},
        "reset link": {"uidb64": "MQ", "token": "set-password"},
        "page restriction": {"page_view_restriction_id": 1, "page_id": article.pk},
        "restriction": 999_999,  # none: the answer to a restriction that does not exist
        "trainer's guide": {"role": "trainer"},
        "guide screenshot": {"name": "admin-places.png"},
        "page api action": {"pk": article.pk, "action_name": "copy"},
        "no such setting": {"app_name": "cms", "model_name": "nosuchsetting", "pk": 1},
    }
    for transfer in ("activities", "clubs", "participants", "campaigns", "targets"):
        world.values[f"{transfer}"] = {"transfer": transfer}
    world.b_records = [
        (model, world.values[case])
        for model, case in [
            (Activity, "activity B"),
            (Club, "club B"),
            (MaterialDistribution, "distribution B"),
            (Participant, "participant B"),
            (StaffScope, "staff scope B"),
            (ReportTemplate, "report template B"),
            (SavedReport, "saved report B"),
        ]
    ] + [(ImportJob, job_b.pk)]
    world.values["sign-in sheet A"] = activity_a.pk
    world.values["sign-in sheet B"] = activity_b.pk
    world.values["sign-in list A"] = activity_a.pk
    world.values["sign-in list B"] = activity_b.pk
    world.values["recorded A"] = activity_a.pk
    world.values["recorded B"] = activity_b.pk
    thanh_hoa, son_la_province = activity_a.province, activity_b.province
    world.values["period A"] = {"province": thanh_hoa.pk, "kind": "quarter", "year": 2025, "number": 3}
    world.values["period B"] = {"province": son_la_province.pk, "kind": "quarter", "year": 2025, "number": 3}
    world.values["period that does not exist"] = {
        "province": thanh_hoa.pk,
        "kind": "quarter",
        "year": 2025,
        "number": 5,
    }
    return world
